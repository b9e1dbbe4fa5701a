package io.piha.http.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a {@link StatusSnapshot} as JSON with the same content as the page: snake-case fields, ISO-8601
 * instants, ages and offsets in seconds, absent values as {@code null}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {
    }

    /** The JSON document for a snapshot, every event. */
    public static String render(StatusSnapshot s) {
        return render(s, EventFilter.ALL);
    }

    /** The JSON document for a snapshot, the recent events filtered as on the page. */
    public static String render(StatusSnapshot s, EventFilter filter) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("generated_at", s.generatedAt().toString())
                .put("site", s.site());
        ArrayNode services = root.putArray("services");
        s.services().forEach(svc -> service(services.addObject(), svc, s.generatedAt()));
        ArrayNode hosts = root.putArray("hosts");
        s.hosts().forEach(host -> host(hosts.addObject(), host, s.generatedAt()));
        ArrayNode switches = root.putArray("switches");
        s.switches().forEach(sw -> StatusJsonParts.switchStatus(switches.addObject(), sw));
        ArrayNode events = root.putArray("recent_events");
        s.events(filter, EventSection.SHOWN).forEach(e -> StatusJsonParts.event(events.addObject(), e));
        ArrayNode routine = root.putArray("routine");
        s.routine().forEach(r -> routine.addObject().put("kind", r.kind()).put("subject", r.subject())
                .put("host", r.host().orElse(null)).put("count", r.count()).put("first", r.first().toString())
                .put("last", r.last().toString()));
        root.put("config_sync", s.configSync().orElse(null));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render status as JSON", e);
        }
    }

    private static void service(ObjectNode json, ServiceStatus svc, Instant now) {
        json.put("service", svc.service().value())
                .put("leader", svc.leader().map(Object::toString).orElse(null))
                .put("epoch", svc.epoch().value())
                .put("phase", svc.phase())
                .put("frozen", svc.frozen())
                .put("freeze_reason", svc.frozen() ? svc.freezeReason().orElse(null) : null)
                .put("last_heartbeat", instant(svc.lastHeartbeat()))
                .put("heartbeat_age_s", svc.heartbeatAge(now).map(StatusJson::seconds).orElse(null));
        if (svc.nextAction().isPresent()) {
            json.putObject("next_action")
                    .put("action", svc.nextAction().get().action())
                    .put("at", svc.nextAction().get().at().toString());
        } else {
            json.putNull("next_action");
        }
    }

    private static void host(ObjectNode json, HostStatus host, Instant now) {
        json.put("host", host.host().value())
                .put("service", host.service())
                .put("role", host.role())
                .put("kind", host.kind().orElse(null))
                .put("liveness", host.liveness().name().toLowerCase(Locale.ROOT))
                .put("last_heartbeat", instant(host.lastHeartbeat()))
                .put("last_heartbeat_age_s", host.lastHeartbeat().map(t -> seconds(Duration.between(t, now))).orElse(null))
                .put("epoch", host.epoch().map(e -> e.value()).orElse(null))
                .put("clock_offset_s", host.clockOffset().map(StatusJson::seconds).orElse(null))
                .put("health", host.health().name().toLowerCase(Locale.ROOT))
                .put("probe_detail", host.probeDetail())
                .put("probe_at", instant(host.lastProbe().map(p -> p.at())))
                .put("probe_latency_ms", host.lastProbe().map(p -> p.latency().toMillis()).orElse(null))
                .put("last_seen", instant(host.lastSeen()))
                .put("last_seen_age_s", host.lastSeen().map(t -> seconds(Duration.between(t, now))).orElse(null));
    }

    static String instant(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }

    static Double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

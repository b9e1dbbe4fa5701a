package io.piha.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.Durations;
import io.piha.api.leadership.ServiceName;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** {@code piha status} from the control plane's status page: what the arbiter itself knows. */
final class StatusFromPage {

    private final ServiceName service;
    private final JsonNode doc;
    private final int events;
    private final URI url;

    StatusFromPage(ServiceName service, JsonNode doc, int events, URI url) {
        this.service = service;
        this.doc = doc;
        this.events = events;
        this.url = url;
    }

    void print(PrintWriter out, boolean json) throws Exception {
        JsonNode svc = find(doc.get("services"), "service");
        if (svc == null) {
            throw new IllegalArgumentException("the control plane at " + url + " arbitrates no service '" + service
                    + "' (it has " + names(doc.get("services")) + "); pick one with --service");
        }
        ArrayNode hosts = new ObjectMapper().createArrayNode();
        Set<String> ids = new HashSet<>();
        doc.get("hosts").forEach(h -> {
            if (h.path("service").asText().equals(service.value())) {
                hosts.add(h);
                ids.add(h.get("host").asText());
            }
        });
        ArrayNode last = new ObjectMapper().createArrayNode();
        for (JsonNode e : doc.get("recent_events")) {
            if (last.size() < events && concerns(e, ids)) {
                last.add(e);
            }
        }
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode().put("source", "status_page").put("url", url.toString());
            o.setAll((ObjectNode) svc);
            o.set("hosts", hosts);
            o.set("events", last);
            out.println(new ObjectMapper().writeValueAsString(o));
            return;
        }
        text(out, svc, hosts, last);
    }

    private boolean concerns(JsonNode event, Set<String> ids) {
        if (event.get("subject").asText().equals(service.value())) {
            return true;
        }
        for (JsonNode h : event.get("hosts")) {
            if (ids.contains(h.asText())) {
                return true;
            }
        }
        return false;
    }

    private void text(PrintWriter out, JsonNode svc, ArrayNode hosts, ArrayNode last) {
        out.println("service      " + service + " (control plane " + url + ", " + doc.path("site").asText() + ")");
        out.println("leader       " + (svc.get("leader").isNull() ? "none" : svc.get("leader").asText()) + " at epoch "
                + svc.get("epoch").asLong() + " (" + svc.get("phase").asText() + ")");
        out.println("frozen       " + (svc.get("frozen").asBoolean() ? "yes" + (svc.get("freeze_reason").isNull() ? ""
                : ": " + svc.get("freeze_reason").asText()) : "no"));
        out.println("heartbeat    " + (svc.get("heartbeat_age_s").isNull() ? "none since the control plane started"
                : age(svc.get("heartbeat_age_s")) + " ago"));
        if (!svc.get("next_action").isNull()) {
            out.println("next         " + svc.get("next_action").get("action").asText() + " at "
                    + svc.get("next_action").get("at").asText());
        }
        hosts.forEach(h -> out.println("host         " + host(h)));
        if (last.isEmpty()) {
            out.println("events       none since the control plane started");
        }
        last.forEach(e -> out.println("event        " + e.get("ts").asText() + " " + e.get("severity").asText() + " "
                + (e.get("codes").isEmpty() ? "" : join(e.get("codes")) + ": ") + e.get("text").asText()));
    }

    private static String host(JsonNode h) {
        return h.get("host").asText() + ": " + h.get("role").asText() + ", " + (h.get("kind").isNull() ? "kind unknown"
                : h.get("kind").asText()) + ", " + h.get("liveness").asText().replace('_', ' ')
                + (h.get("last_heartbeat_age_s").isNull() ? ", no heartbeat since start-up"
                : ", last heartbeat " + age(h.get("last_heartbeat_age_s")) + " ago")
                + (h.get("epoch").isNull() ? "" : ", epoch " + h.get("epoch").asLong())
                + (h.get("clock_offset_s").isNull() ? "" : String.format(java.util.Locale.ROOT, ", clock %+.2f s",
                h.get("clock_offset_s").asDouble()))
                + ", " + h.get("health").asText() + " (" + h.get("probe_detail").asText() + ")";
    }

    private static String age(JsonNode seconds) {
        return Durations.format(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
    }

    private JsonNode find(JsonNode array, String field) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(service.value())) {
                return n;
            }
        }
        return null;
    }

    private static String names(JsonNode services) {
        StringBuilder b = new StringBuilder();
        services.forEach(s -> b.append(b.length() == 0 ? "" : ", ").append(s.get("service").asText()));
        return b.length() == 0 ? "none" : b.toString();
    }

    private static String join(JsonNode codes) {
        StringBuilder b = new StringBuilder();
        codes.forEach(c -> b.append(b.length() == 0 ? "" : ",").append(c.asText()));
        return b.toString();
    }
}

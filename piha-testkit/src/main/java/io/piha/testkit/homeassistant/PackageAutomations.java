package io.piha.testkit.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What {@code docs/home-assistant/piha_leadership.yaml} does, automation by automation: start as standby and say
 * {@code online}; heartbeat with its epoch only while leading; follow the arbiter's lease and stop (with a
 * {@code demoted} event) when it names another host at a newer epoch; obey a plain {@code promote} a second later
 * only while the retained state is empty or {@code standby} and no lease names another host, and a plain
 * {@code demote}; obey the SDK's envelope addressed to it (a
 * promote at a newer epoch, a demote), acknowledging each with an event carrying the command id. It publishes the
 * retained state when it takes or gives up leadership, never periodically.
 */
final class PackageAutomations extends LeadershipAutomations {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The package's {@code delay:} before it decides on a plain promote. */
    private static final Duration PLAIN_PROMOTE_DELAY = Duration.ofSeconds(1);

    private final boolean legacy;
    private volatile long epoch;
    private volatile String leaseHolder = "";
    private volatile long leaseEpoch;
    private volatile boolean ledAsV1;
    private volatile boolean plainPromoteRunning;

    /**
     * @param legacy the drill's primary: it also leaves a Last Will {@code offline} on its availability topic, and
     *     {@link #leadAsDeployed()} makes it heartbeat without epoch until its first grant (a v1 house just migrated)
     */
    PackageAutomations(Setup setup, boolean legacy) {
        super(setup);
        this.legacy = legacy;
    }

    @Override
    Optional<String> lastWill() {
        return legacy ? Optional.of(availability()) : Optional.empty();
    }

    private String availability() {
        return "availability/" + setup.id().value();
    }

    @Override
    List<String> subscriptions() {
        return List.of("state", "lease", "cmd");
    }

    @Override
    void started() { // piha_start_as_standby
        leading(false);
        publish(availability(), "online", true);
        log("boots as a package standby (never reclaims leadership)");
    }

    @Override
    void tick() { // piha_heartbeat
        if (!leading()) {
            return;
        }
        String id = quoted(setup.id().value());
        if (ledAsV1 && epoch == 0) {
            heartbeat("{\n  \"ts\": \"" + now() + "\",\n  \"host_id\": " + id + "\n}");
            return;
        }
        heartbeat("{\n  \"ts\": \"" + now() + "\",\n  \"host_id\": " + id + ",\n  \"epoch\": " + epoch
                + ",\n  \"role\": \"leader\"\n}");
    }

    @Override
    void handle(String leaf, String payload) {
        if (leaf.equals("lease")) {
            read(payload).filter(l -> l.has("epoch")).ifPresent(this::followLease);
        } else if (leaf.equals("cmd")) {
            if (payload.equals("promote")) {
                plainPromote();
            } else if (payload.equals("demote")) {
                plainDemote();
            } else if (payload.strip().startsWith("{")) {
                read(payload).ifPresent(this::envelope);
            }
        }
    }

    private void followLease(JsonNode lease) { // piha_track_lease
        leaseHolder = lease.path("holder").asText("");
        leaseEpoch = lease.path("epoch").asLong(0);
        if (leading() && !leaseHolder.equals(setup.id().value()) && leaseEpoch > epoch) {
            leading(false);
            event("demoted", ", \"reason\": \"fenced\", \"epoch\": " + leaseEpoch);
            log("sees the lease of " + leaseHolder + " at epoch " + leaseEpoch + ": stops (fenced)");
        }
    }

    private void plainPromote() { // piha_plain_promote: a second for the lease and state published before it
        if (plainPromoteRunning) {
            return; // mode: single
        }
        plainPromoteRunning = true;
        later(PLAIN_PROMOTE_DELAY, () -> {
            plainPromoteRunning = false;
            String me = setup.id().value();
            boolean leaseForOther = !leaseHolder.isEmpty() && !leaseHolder.equals(me);
            if (!setup.running().getAsBoolean() || leading() || !stateAllowsPlainPromote() || leaseForOther) {
                log("ignores plain promote: " + (leading() ? "it leads already" : leaseForOther ? "the lease names "
                        + leaseHolder : "state is '" + announced() + "'"));
                return;
            }
            epoch = leaseHolder.equals(me) ? leaseEpoch : epoch;
            leading(true);
            publish("state", "leader", true);
            event("promoted", ", \"new_leader\": " + quoted(me) + ", \"epoch\": " + epoch);
            log("obeys plain promote at epoch " + epoch);
        });
    }

    private void plainDemote() { // piha_plain_demote
        if (!leading()) {
            return;
        }
        leading(false);
        publish("state", "standby", true);
        event("demoted", ", \"epoch\": " + epoch);
        log("obeys plain demote");
    }

    private void envelope(JsonNode c) { // piha_envelope_command
        boolean forMe = c.path("target").asText("").equals(setup.id().value());
        if (!forMe || expired(c)) {
            return;
        }
        String command = c.path("command").asText("");
        String id = quoted(c.path("id").asText(""));
        if (command.equals("promote") && c.path("epoch").asLong(0) > epoch) {
            epoch = c.path("epoch").asLong();
            leading(true);
            publish("state", "leader", true);
            event("promoted", ", \"new_leader\": " + quoted(setup.id().value()) + ", \"epoch\": " + epoch
                    + ", \"command_id\": " + id);
            log("obeys promote at epoch " + epoch);
        } else if (command.equals("demote") && leading()) {
            leading(false);
            publish("state", "standby", true);
            event("demoted", ", \"epoch\": " + epoch + ", \"command_id\": " + id);
            log("obeys demote at epoch " + epoch);
        }
    }

    private boolean expired(JsonNode c) {
        JsonNode at = c.get("expires_at");
        if (at == null || at.isNull()) {
            return false;
        }
        try {
            return !OffsetDateTime.parse(at.asText()).toInstant().isAfter(setup.clock().instant());
        } catch (DateTimeParseException e) {
            return true; // as_datetime gives none: the condition fails and the automation does not run
        }
    }

    private void event(String name, String fields) {
        publish("events", "{\"ts\": \"" + now() + "\", \"event\": \"" + name + "\", \"actor\": "
                + quoted(setup.id().value()) + fields + "}", false);
    }

    private static Optional<JsonNode> read(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    long epoch() {
        return epoch;
    }

    @Override
    void leadAsDeployed() {
        run(() -> {
            ledAsV1 = true;
            epoch = 0;
            leading(true);
            publish("state", "leader", true);
            log("leads as a v1 host did before the control plane (no epoch)");
        });
    }
}

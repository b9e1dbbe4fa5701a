package io.piha.testkit.homeassistant;

import java.util.List;

/**
 * The automations homes run today (contract v1), exactly: while it leads, every interval a retained QoS 1 heartbeat
 * ({@code ts} with the local offset and microseconds, {@code host_id}, pretty-printed as a YAML block scalar renders
 * it; no epoch, no role) and the retained state {@code leader} again. It promotes only on the plain payload
 * {@code promote}, and only while the retained state is empty or {@code standby}; JSON envelopes are not its
 * language. It cannot be demoted: it goes on republishing {@code leader} until it loses power. After a boot it is a
 * standby and never reclaims leadership by itself.
 */
final class V1Automations extends LeadershipAutomations {

    V1Automations(Setup setup) {
        super(setup);
    }

    @Override
    List<String> subscriptions() {
        return List.of("state", "cmd");
    }

    @Override
    void started() {
        log("boots as a v1 standby (never reclaims leadership)");
    }

    @Override
    void handle(String leaf, String payload) {
        if (!leaf.equals("cmd")) {
            return;
        }
        if (payload.equals("promote")) { // an MQTT trigger with `payload: promote` matches the whole payload exactly
            if (!leading() && stateAllowsPlainPromote()) {
                lead("plain promote (state '" + announced() + "')");
            } else {
                log("ignores plain promote: " + (leading() ? "it leads already" : "state is '" + announced() + "'"));
            }
        } else if (payload.equals("demote") && leading()) {
            log("hears demote but a v1 leader republishes leader every interval: it cannot step down");
        }
    }

    @Override
    void tick() {
        if (!leading()) {
            return;
        }
        heartbeat("{\n  \"ts\": \"" + now() + "\",\n  \"host_id\": " + quoted(setup.id().value()) + "\n}");
        publish("state", "leader", true);
    }

    private void lead(String why) {
        leading(true);
        publish("state", "leader", true);
        publish("events", "{\"ts\": \"" + now() + "\", \"event\": \"promoted\", \"actor\": " + quoted(setup.id().value())
                + ", \"new_leader\": " + quoted(setup.id().value()) + "}", false);
        log("leads as a v1 host: " + why);
    }

    @Override
    long epoch() {
        return 0;
    }

    @Override
    void leadAsDeployed() {
        run(() -> lead("as deployed before any control plane"));
    }
}

package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.HaConfig;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** V5: no Zigbee2MQTT, no MQTT broker, or Zigbee2MQTT sharing Home Assistant's namespace. */
final class ZigbeeStackMissing implements AuditRule {

    static final Rule RULE = new Rule("zigbee-stack-missing", Severity.CRITICAL, Phase.EDGE,
            "No Zigbee2MQTT in its own namespace, or no MQTT broker",
            "The seed runs Zigbee through Zigbee2MQTT in its own namespace with a separate MQTT broker, so that "
                    + "Home Assistant restarts never touch the Zigbee network and the coordinator has one owner.",
            "Create the zigbee namespace, deploy Mosquitto (pinned, NAS-backed, with resources) and Zigbee2MQTT "
                    + "with the coordinator, and point Home Assistant's MQTT integration at the broker.",
            Optional.of("V5"), "Zigbee: Zigbee2MQTT in its own namespace; MQTT broker (Mosquitto) runs separately");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        if (!p.hasHomeAssistant()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!p.deploys(App.ZIGBEE2MQTT)) {
            problems.add("no Zigbee2MQTT");
        }
        if (!p.deploys(App.MQTT_BROKER)) {
            problems.add("no MQTT broker");
        }
        Set<String> haNamespaces = namespaces(p, App.HOME_ASSISTANT);
        namespaces(p, App.ZIGBEE2MQTT).stream().filter(haNamespaces::contains)
                .forEach(ns -> problems.add("Zigbee2MQTT shares namespace " + ns + " with Home Assistant"));
        p.running(App.HOME_ASSISTANT).filter(w -> w.runs(App.MQTT_BROKER))
                .forEach(w -> problems.add("the MQTT broker runs inside the Home Assistant pod of " + w.describe()));
        if (!problems.isEmpty()) {
            findings.add(RULE, where(p), "Home Assistant is deployed with " + String.join(", ", problems));
        }
    }

    private static Set<String> namespaces(Platform p, App app) {
        return Stream.concat(p.running(app).map(w -> w.manifest().namespace()),
                p.remoteReleases(app).map(Release::namespace)).collect(Collectors.toSet());
    }

    private static Location where(Platform p) {
        return p.running(App.HOME_ASSISTANT).findFirst().map(Workload::manifest).map(m -> m.location())
                .or(() -> p.remoteReleases(App.HOME_ASSISTANT).findFirst().map(r -> r.manifest().location()))
                .orElseGet(() -> p.haConfigs().stream().findFirst().map(HaConfig::location).orElse(Location.of(".")));
    }
}

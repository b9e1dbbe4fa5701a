package io.piha.http.status;

import io.piha.api.recovery.GuardedPort;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The switches and events of {@link StatusJson}. */
final class StatusJsonParts {

    private StatusJsonParts() {
    }

    static void switchStatus(ObjectNode json, SwitchStatus sw) {
        json.put("switch", sw.name()).put("actions_in_window", sw.actionsInWindow()).put("action_limit", sw.actionLimit())
                .put("rate_window_s", StatusJson.seconds(sw.rateWindow()));
        ArrayNode ports = json.putArray("ports");
        for (GuardedPort p : sw.ports()) {
            ports.addObject().put("port", p.label()).put("protected", p.protectedPort())
                    .put("last_action", StatusJson.instant(p.lastAction()))
                    .put("cooldown_until", StatusJson.instant(p.cooldownUntil()))
                    .put("breaker_open_until", StatusJson.instant(p.breakerOpenUntil()))
                    .put("recent_failures", p.recentFailures())
                    .put("off", p.off().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse(null))
                    .put("off_since", StatusJson.instant(p.offSince()));
        }
        ArrayNode actions = json.putArray("last_actions");
        sw.lastActions().forEach(e -> event(actions.addObject(), e));
    }

    static void event(ObjectNode json, RecentEvent e) {
        json.put("ts", e.at().toString())
                .put("severity", e.severity().name().toLowerCase(Locale.ROOT))
                .put("subject", e.subject())
                .put("text", e.text());
        ArrayNode codes = json.putArray("codes");
        e.codes().forEach(codes::add);
        ArrayNode notes = json.putArray("notes");
        e.notes().forEach(notes::add);
        ArrayNode hosts = json.putArray("hosts");
        e.hosts().stream().sorted().forEach(hosts::add);
    }
}

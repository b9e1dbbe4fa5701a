package io.piha.service;

import io.piha.http.status.RecentEvent;
import io.piha.http.status.SwitchStatus;
import io.piha.poe.safety.SwitchView;
import java.util.List;

/** A switch's safety layer as the status page shows it, with its last actions from the journal. */
final class SwitchStatuses {

    private SwitchStatuses() {
    }

    static SwitchStatus of(SwitchView view, List<RecentEvent> events) {
        String prefix = view.switchName() + "/";
        List<RecentEvent> actions = events.stream().filter(e -> e.subject().startsWith(prefix)).limit(10).toList();
        return new SwitchStatus(view.switchName(), view.ports(), view.actionsInWindow(), view.perSwitchLimit(),
                view.rateWindow(), actions);
    }
}

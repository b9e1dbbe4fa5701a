package io.piha.service;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Topology;
import io.piha.http.status.HostStatus;
import io.piha.runtime.ControlPlane;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The hosts of one service as the status page shows them, from what its arbiter knows of each. */
final class HostStatuses {

    private HostStatuses() {
    }

    static List<HostStatus> of(ControlPlane plane, ArbiterState state, Function<HostId, Optional<Epoch>> heard,
                               Instant now) {
        Topology topology = plane.policy().topology();
        Duration timeout = plane.policy().heartbeatTimeout();
        return List.of(topology.primary(), topology.standby()).stream().map(h -> {
            ArbiterState.HostView view = state.host(h);
            Optional<Instant> heartbeat = view.heardAt();
            boolean leads = state.leader().filter(h::equals).isPresent();
            String role = (h.equals(topology.primary()) ? "primary" : "standby") + (leads ? ", leading" : "");
            Optional<Epoch> epoch = leads ? Optional.of(state.epoch()) : heard.apply(h);
            return new HostStatus(h, plane.policy().service().value(), role,
                    state.knownKindOf(h, topology).map(k -> k.wire()), plane.lastProbe(h), heartbeat, epoch,
                    view.clockOffset(), liveness(heartbeat, timeout, now));
        }).toList();
    }

    static HostStatus.Liveness liveness(Optional<Instant> heartbeat, Duration timeout, Instant now) {
        if (heartbeat.isEmpty()) {
            return HostStatus.Liveness.NOT_HEARD;
        }
        return Duration.between(heartbeat.get(), now).compareTo(timeout) <= 0 ? HostStatus.Liveness.HEARTBEATING
                : HostStatus.Liveness.SILENT;
    }
}

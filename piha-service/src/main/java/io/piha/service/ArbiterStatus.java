package io.piha.service;

import io.piha.http.status.QueuedAction;
import io.piha.http.status.ServiceStatus;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the arbiter's state for one service into the status page's {@link ServiceStatus}, naming what the
 * arbiter will do at its next wake-up in words.
 *
 * @since 0.1
 */
public final class ArbiterStatus {

    private ArbiterStatus() {
    }

    /**
     * The status of one service.
     *
     * @param service the service
     * @param state the arbiter's state
     * @param nextWakeUp when the arbiter wakes up next ({@code ArbiterMachine.nextWakeUp(state)})
     */
    public static ServiceStatus of(ServiceName service, ArbiterState state, Optional<Instant> nextWakeUp) {
        return of(service, state, nextWakeUp, Optional.empty());
    }

    /**
     * The status of one service, with the reason of its freeze.
     *
     * @param freezeReason what the accepted freeze said (who and why), shown while frozen
     */
    public static ServiceStatus of(ServiceName service, ArbiterState state, Optional<Instant> nextWakeUp,
                                   Optional<String> freezeReason) {
        Optional<QueuedAction> next = nextWakeUp.map(at -> new QueuedAction(nextAction(state), at));
        return new ServiceStatus(service, state.leader(), state.epoch(), state.phase().label(), state.frozen(),
                freezeReason.filter(r -> state.frozen()), state.lastHeartbeat(), next);
    }

    /** What the arbiter does when it wakes up in this state, in words. */
    static String nextAction(ArbiterState state) {
        Phase phase = state.phase();
        if (phase instanceof Phase.Watching) {
            return state.leader().map(l -> "declare " + l + " missing unless it heartbeats")
                    .orElse("look for a leader");
        }
        if (phase instanceof Phase.Verifying v) {
            return "give up waiting for the probe of " + v.suspect();
        }
        if (phase instanceof Phase.PowerCycling p) {
            return "give up waiting for the power-cycle of " + p.suspect();
        }
        if (phase instanceof Phase.AwaitingRecovery r) {
            return "probe " + r.suspect() + " again after its power-cycle";
        }
        if (phase instanceof Phase.ConfirmingDeath c) {
            return "give up waiting for the second probe of " + c.suspect();
        }
        if (phase instanceof Phase.CheckingCandidate c) {
            return "give up waiting for the probe of " + c.candidate();
        }
        if (phase instanceof Phase.Fencing f) {
            return "give up waiting for the port of " + f.suspect() + " to switch off";
        }
        if (phase instanceof Phase.Demoting d) {
            return "fence " + d.from() + " unless it acknowledges its demote";
        }
        if (phase instanceof Phase.AwaitingLeaseExpiry a) {
            return "grant " + a.grant().candidate() + " once the lease of " + a.from() + " has run out";
        }
        if (phase instanceof Phase.AwaitingLeader a) {
            return "re-send promote (epoch " + a.epoch().value() + ") to " + a.candidate();
        }
        if (phase instanceof Phase.Blocked b) {
            return "look again at the failover of " + b.suspect() + " (blocked: " + b.reason() + ")";
        }
        Phase.HandingBack h = (Phase.HandingBack) phase;
        return "probe " + h.to() + " to hand leadership back from " + h.from();
    }
}

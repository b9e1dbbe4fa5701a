package io.piha.core.explore;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the invariants must know of the past and no machine keeps: the highest epoch granted and to whom, the true
 * end of every lease renewal issued (the sending of the heartbeat it answers plus its lifetime), and the evidence
 * the arbiter received that a holder stopped (its {@code demoted} acknowledgement, a confirmed power-off). It is
 * part of the fingerprint, since the invariants' verdicts depend on it.
 *
 * @param highest the highest epoch granted
 * @param holder the host it was granted to
 * @param leaseEnds per host and epoch, the latest end of a renewal issued to it
 * @param acked per host, the highest epoch at which the arbiter received its {@code demoted} acknowledgement
 * @param fenced per host, the epoch granted when the arbiter received the confirmation its port is off
 * @param operatorFroze whether an operator froze automatic promotion
 * @param operatorDemoted whether an operator asked for a hand-back (maintenance until the other host answers)
 * @param operatorCommands how many commands operators sent, for their ids
 * @param operatorPromoted the host an operator asked to promote, until it acts
 */
record Ghost(Epoch highest, Optional<HostId> holder, Map<LeaseKey, Instant> leaseEnds, Map<HostId, Epoch> acked,
             Map<HostId, Epoch> fenced, boolean operatorFroze, boolean operatorDemoted, int operatorCommands,
             Optional<HostId> operatorPromoted) {

    static final Ghost NOTHING = new Ghost(Epoch.ZERO, Optional.empty(), Map.of(), Map.of(), Map.of(), false, false, 0,
            Optional.empty());

    /**
     * A host at an epoch.
     *
     * @param host the host
     * @param epoch the epoch
     */
    record LeaseKey(HostId host, Epoch epoch) {
    }

    Ghost {
        leaseEnds = Map.copyOf(leaseEnds);
        acked = Map.copyOf(acked);
        fenced = Map.copyOf(fenced);
    }

    Ghost granted(HostId to, Epoch epoch) {
        return new Ghost(Epoch.max(highest, epoch), Optional.of(to), leaseEnds, acked, fenced, operatorFroze,
                operatorDemoted, operatorCommands, operatorPromoted);
    }

    Ghost renewed(HostId host, Epoch epoch, Instant until) {
        Map<LeaseKey, Instant> ends = new HashMap<>(leaseEnds);
        ends.merge(new LeaseKey(host, epoch), until, (a, b) -> a.isAfter(b) ? a : b);
        return new Ghost(highest, holder, ends, acked, fenced, operatorFroze, operatorDemoted, operatorCommands,
                operatorPromoted);
    }

    Ghost acknowledged(HostId host, Epoch epoch) {
        Map<HostId, Epoch> all = new HashMap<>(acked);
        all.merge(host, epoch, Epoch::max);
        return new Ghost(highest, holder, leaseEnds, all, fenced, operatorFroze, operatorDemoted, operatorCommands,
                operatorPromoted);
    }

    Ghost fencedOff(HostId host) {
        Map<HostId, Epoch> all = new HashMap<>(fenced);
        all.put(host, highest);
        return new Ghost(highest, holder, leaseEnds, acked, all, operatorFroze, operatorDemoted, operatorCommands,
                operatorPromoted);
    }

    /** An operator sent a command: its number, what it froze, asked to hand back, or asked to promote. */
    Ghost commanded(boolean froze, boolean demoted, Optional<HostId> promoted) {
        return new Ghost(highest, holder, leaseEnds, acked, fenced, operatorFroze || froze, operatorDemoted || demoted,
                operatorCommands + 1, promoted.or(() -> operatorPromoted));
    }

    /** The host an operator asked to promote acts: the request is done. */
    Ghost promotionDone() {
        return new Ghost(highest, holder, leaseEnds, acked, fenced, operatorFroze, operatorDemoted, operatorCommands,
                Optional.empty());
    }

    /** The end of the latest renewal issued to {@code host} at {@code epoch}, if any was. */
    Optional<Instant> leaseEnd(HostId host, Epoch epoch) {
        return Optional.ofNullable(leaseEnds.get(new LeaseKey(host, epoch)));
    }

    /** Whether every renewal ever issued to {@code host}, at any epoch, has run out at {@code now}. */
    boolean leasesOver(HostId host, Instant now) {
        return leaseEnds.entrySet().stream().filter(e -> e.getKey().host().equals(host))
                .allMatch(e -> !now.isBefore(e.getValue()));
    }

    /** Whether the arbiter received {@code host}'s acknowledgement at the epoch it holds. */
    boolean acknowledgedAtHolderEpoch(HostId host) {
        return Optional.ofNullable(acked.get(host)).filter(highest::equals).isPresent();
    }

    /** Whether the arbiter received the confirmation that {@code host}'s port is off since it was granted. */
    boolean fencedAtHolderEpoch(HostId host) {
        return Optional.ofNullable(fenced.get(host)).filter(highest::equals).isPresent();
    }
}

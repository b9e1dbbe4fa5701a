package io.piha.sync.internal;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sync decision, a pure function of the primary's commits ahead of the standby, the latest incident, the
 * freeze and the time. No Git, no clock, no I/O: the adapter gathers the facts and carries out the decision.
 *
 * <p>A commit made at {@code t} becomes eligible at {@code max(t, latest incident) + window}: it must have
 * run a whole window, and a whole window since the last incident, before a standby may trust it.
 */
public final class SyncPolicy {

    private final Duration window;

    /** @throws IllegalArgumentException if the window is negative */
    public SyncPolicy(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("observation window must not be negative, was " + window);
        }
        this.window = window;
    }

    /** The facts one decision is made from; {@code ahead} lists fast-forward targets, newest first. */
    public record Facts(Optional<CommitId> standby, List<Candidate> ahead, Optional<Instant> latestIncident,
                        Optional<SyncFreeze> freeze, Instant now, SyncMode mode) {
        public Facts {
            Objects.requireNonNull(standby, "standby");
            ahead = List.copyOf(ahead);
            Objects.requireNonNull(latestIncident, "latestIncident");
            Objects.requireNonNull(freeze, "freeze");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** What to do: move the standby, or report why not. */
    public sealed interface Decision {
        /** Fast-forward the standby to {@code target}. */
        record Move(Candidate target) implements Decision { }

        /** Leave the standby where it is and report {@code outcome} (up to date, pending or frozen). */
        record Stay(SyncOutcome outcome) implements Decision { }
    }

    /** Decides one attempt. */
    public Decision decide(Facts facts) {
        Optional<SyncFreeze> freeze = facts.freeze().filter(f -> f.isActiveAt(facts.now()));
        if (freeze.isPresent() && facts.mode() != SyncMode.FORCED_PAST_FREEZE) {
            return new Decision.Stay(new SyncOutcome.Frozen(freeze.get()));
        }
        if (facts.ahead().isEmpty()) {
            return facts.standby()
                    .<Decision>map(at -> new Decision.Stay(new SyncOutcome.UpToDate(at)))
                    .orElseThrow(() -> new IllegalArgumentException("no standby commit and nothing ahead"));
        }
        if (facts.mode() != SyncMode.SCHEDULED) {
            return new Decision.Move(facts.ahead().get(0));
        }
        for (Candidate c : facts.ahead()) {
            if (!eligibleAt(c, facts.latestIncident()).isAfter(facts.now())) {
                return new Decision.Move(c);
            }
        }
        return new Decision.Stay(pending(facts.ahead(), facts.latestIncident()).orElseThrow());
    }

    /** The newest commit ahead and when it becomes eligible, if anything is ahead. */
    public Optional<SyncOutcome.Pending> pending(List<Candidate> ahead, Optional<Instant> latestIncident) {
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        Candidate newest = ahead.get(0);
        return Optional.of(new SyncOutcome.Pending(newest.id(), eligibleAt(newest, latestIncident)));
    }

    /** When {@code c} becomes eligible, given the latest incident so far. */
    public Instant eligibleAt(Candidate c, Optional<Instant> latestIncident) {
        Instant start = latestIncident.filter(i -> i.isAfter(c.time())).orElse(c.time());
        return start.plus(window);
    }
}

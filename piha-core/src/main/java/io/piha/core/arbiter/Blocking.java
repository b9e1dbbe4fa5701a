package io.piha.core.arbiter;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.HostId;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stuck states are never silent: entering one raises a CRITICAL alert at once, and it is repeated every
 * {@link ArbiterPolicy.Safety#reminderInterval()} until the state is left.
 */
final class Blocking {

    private final ArbiterPolicy policy;

    Blocking(ArbiterPolicy policy) {
        this.policy = policy;
    }

    /** A failover (or a grant) that may not proceed, with the alert saying why and what to do. */
    Decision<ArbiterState, ArbiterEffect> block(Step<ArbiterState, ArbiterEffect> step, HostId suspect, String reason,
                                                Optional<Instant> retryAt, Optional<Grant> pending, String code) {
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = step.before().withPhase(new Phase.Blocked(suspect, reason, retryAt, pending))
                .remindingAt(Optional.of(step.now().plus(policy.safety().reminderInterval())));
        return step.accept(after, "block", reason, List.of(say.alert(code, Severity.CRITICAL, "failover of "
                + policy.service() + " from " + suspect + " blocked: " + reason, Map.of("host", suspect.value()))));
    }

    /** Enters a state that waits on someone, raising its CRITICAL alert now and reminders after. */
    Decision<ArbiterState, ArbiterEffect> stuck(Step<ArbiterState, ArbiterEffect> step, ArbiterState after, String action,
                                                String code, String message, Map<String, String> details) {
        Announcements say = new Announcements(policy, step.now());
        return step.accept(after.remindingAt(Optional.of(step.now().plus(policy.safety().reminderInterval()))), action,
                message, List.of(say.alert(code, Severity.CRITICAL, message, details)));
    }

    /** The reminder of a stuck state, due now: the alert again, in words that say how long it has lasted. */
    Decision<ArbiterState, ArbiterEffect> remind(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        String what = describe(s);
        ArbiterState after = s.remindingAt(Optional.of(step.now().plus(policy.safety().reminderInterval())));
        return step.accept(after, "remind", "still " + what, List.of(say.alert(code(s), Severity.CRITICAL,
                policy.service() + " still " + what)));
    }

    private static String describe(ArbiterState s) {
        Phase p = s.phase();
        if (p instanceof Phase.Blocked b) {
            return "blocked: " + b.reason();
        } else if (p instanceof Phase.HandingBack h) {
            return "in maintenance: " + h.to() + " does not answer, so leadership cannot be handed back";
        } else if (p instanceof Phase.AwaitingLeader a) {
            return "without a leader: " + a.candidate() + " has not taken epoch " + a.epoch();
        }
        return "without a leader: no heartbeat from anyone";
    }

    private static String code(ArbiterState s) {
        Phase p = s.phase();
        if (p instanceof Phase.Blocked b) {
            return b.pending().isPresent() ? AlertCodes.FENCING_IMPOSSIBLE : AlertCodes.PROMOTION_BLOCKED;
        } else if (p instanceof Phase.HandingBack) {
            return AlertCodes.HAND_BACK_TARGET_SILENT;
        } else if (p instanceof Phase.AwaitingLeader) {
            return AlertCodes.PROMOTION_UNACKNOWLEDGED;
        }
        return AlertCodes.NO_LEADER;
    }
}

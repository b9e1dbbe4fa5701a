package io.piha.core.internal;

import io.piha.api.audit.AuditEntry;
import io.piha.core.Decision;
import io.piha.core.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One decision in the making: the state before, the time, and the rule that every outcome, accepted or
 * rejected, carries exactly one audit effect. State machines build their {@link Decision}s through it so
 * that no transition can go unaudited.
 *
 * @param <S> the state type
 * @param <E> the effect type
 * @since 0.1
 */
public final class Step<S, E> {

    private final S before;
    private final Instant now;
    private final String actor;
    private final String subject;
    private final Function<AuditEntry, E> auditEffect;
    private final Function<S, Map<String, String>> details;

    /**
     * @param before the state before the input
     * @param now the time of the decision
     * @param actor who decides, for the audit trail
     * @param subject what it is about (the service)
     * @param auditEffect wraps an audit entry into the machine's effect type
     * @param details the fields of a state worth recording with each entry
     */
    public Step(S before, Instant now, String actor, String subject, Function<AuditEntry, E> auditEffect,
                Function<S, Map<String, String>> details) {
        this.before = Objects.requireNonNull(before, "before");
        this.now = Objects.requireNonNull(now, "now");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.auditEffect = Objects.requireNonNull(auditEffect, "auditEffect");
        this.details = Objects.requireNonNull(details, "details");
    }

    /** The state before the input. */
    public S before() {
        return before;
    }

    /** The time of the decision. */
    public Instant now() {
        return now;
    }

    /** Accepts the input: new state, effects in order, then the audit entry. */
    public Decision<S, E> accept(S after, String action, String summary, List<? extends E> effects) {
        List<E> out = new ArrayList<>(effects);
        out.add(audit(action, AuditEntry.Outcome.ACCEPTED, summary, after));
        return new Decision<>(after, out, new Verdict.Accepted(summary));
    }

    /** Accepts the input with no effect but the audit entry. */
    public Decision<S, E> accept(S after, String action, String summary) {
        return accept(after, action, summary, List.of());
    }

    /**
     * Accepts a routine input (a heartbeat sent or seen, a lease renewed): audited as
     * {@link AuditEntry.Outcome#ROUTINE}, which readers summarise instead of listing.
     */
    public Decision<S, E> routine(S after, String action, String summary, List<? extends E> effects) {
        List<E> out = new ArrayList<>(effects);
        out.add(audit(action, AuditEntry.Outcome.ROUTINE, summary, after));
        return new Decision<>(after, out, new Verdict.Accepted(summary));
    }

    /**
     * Acknowledges an input that changes nothing and needs no record, such as a tick with nothing due.
     * The state must be unchanged: anything that changes state goes through {@code accept}.
     */
    public Decision<S, E> unchanged(String summary) {
        return new Decision<>(before, List.of(), new Verdict.Accepted(summary));
    }

    /** Rejects the input: state unchanged, only the audit entry. */
    public Decision<S, E> reject(String action, String reason) {
        return reject(action, reason, List.of());
    }

    /** Rejects the input with effects that tell the sender (e.g. a refusal event); state unchanged. */
    public Decision<S, E> reject(String action, String reason, List<? extends E> effects) {
        List<E> out = new ArrayList<>(effects);
        out.add(audit(action, AuditEntry.Outcome.REFUSED, reason, before));
        return new Decision<>(before, out, new Verdict.Rejected(reason));
    }

    private E audit(String action, AuditEntry.Outcome outcome, String reason, S state) {
        return auditEffect.apply(new AuditEntry(now, actor, action, subject, outcome, reason, details.apply(state)));
    }
}

package io.piha.http.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Routine inputs of one kind (heartbeats, lease renewals) summarised instead of listed one line each: how many
 * since when, and the last.
 *
 * @param kind what, e.g. {@code observe_heartbeat} or {@code heartbeat}
 * @param subject on what, e.g. the service
 * @param host from which host, where known
 * @param count how many since {@code first}
 * @param first the first counted
 * @param last the newest
 * @since 0.1
 */
public record RoutineSummary(String kind, String subject, Optional<String> host, long count, Instant first,
                             Instant last) {

    /**
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the count is below 1
     */
    public RoutineSummary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (count < 1) {
            throw new IllegalArgumentException("a routine summary counts at least one input, was " + count);
        }
    }

    /** One more, at {@code at}. */
    RoutineSummary plus(Instant at) {
        return new RoutineSummary(kind, subject, host, count + 1, first.isBefore(at) ? first : at,
                last.isAfter(at) ? last : at);
    }
}

package io.piha.http.status;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the control plane will do at a known time, e.g. {@code probe haos-primary again}.
 *
 * @param action what, in words
 * @param at when
 * @since 0.1
 */
public record QueuedAction(String action, Instant at) {

    /** @throws NullPointerException if a component is null */
    public QueuedAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }
}

package io.piha.platform;

import java.util.Objects;

/**
 * Why a finding is accepted: an entry of the audited repository's {@code .piha-audit.yaml}. A suppressed
 * finding is still reported, marked as suppressed with this reason, and never changes the exit code.
 *
 * @param reason the reason written in the file, never blank
 * @param declaredAt where the entry is
 * @since 0.1
 */
public record Suppression(String reason, Location declaredAt) {

    /** Validates that there is a reason. */
    public Suppression {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a reason");
        }
        Objects.requireNonNull(declaredAt, "declaredAt");
    }
}

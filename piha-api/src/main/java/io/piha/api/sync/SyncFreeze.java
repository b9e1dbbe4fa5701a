package io.piha.api.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A freeze of config sync: who set it, why, since when and, optionally, until when.
 *
 * @param reason why, e.g. {@code risky week: new Zigbee coordinator}
 * @param by who set it
 * @param since when it was set
 * @param until when it ends by itself; empty means until thawed
 * @since 0.1
 */
public record SyncFreeze(String reason, String by, Instant since, Optional<Instant> until) {

    /** @throws IllegalArgumentException if the reason or actor is blank, or the end is before the start */
    public SyncFreeze {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (reason.isBlank() || by.isBlank()) {
            throw new IllegalArgumentException("a freeze needs a reason and who set it");
        }
        if (until.isPresent() && until.get().isBefore(since)) {
            throw new IllegalArgumentException("freeze ends at " + until.get() + ", before it starts at " + since);
        }
    }

    /** Whether the freeze is in force at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return !now.isBefore(since) && until.map(now::isBefore).orElse(true);
    }
}

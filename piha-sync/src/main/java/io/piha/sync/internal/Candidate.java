package io.piha.sync.internal;

import io.piha.api.sync.CommitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A primary commit the standby could fast-forward to, with the time its observation window starts from
 * (the committer time).
 */
public record Candidate(CommitId id, Instant time) {

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}

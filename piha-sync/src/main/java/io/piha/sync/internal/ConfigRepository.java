package io.piha.sync.internal;

import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Where the primary and standby branches live: a repository on a path, or a remote one seen through a local
 * cache. Reads happen on a local {@link Repository}; the standby moves by compare-and-swap on the real one.
 */
public interface ConfigRepository {

    /** Opens a local repository whose refs show the real one's as of now (fetching first if remote). */
    Repository open() throws IOException;

    /** The local ref holding {@code branch} of the real repository. */
    String ref(String branch);

    /** The local ref holding the stored freeze. */
    String freezeRef();

    /** Moves {@code branch} of the real repository from {@code expected} to {@code target}, never forced. */
    SyncOutcome moveBranch(Repository local, RevWalk walk, String branch, Optional<ObjectId> expected,
                           ObjectId target, String actor, Instant now);

    /** Stores the freeze in the real repository. */
    void writeFreeze(Optional<SyncFreeze> freeze) throws IOException;

    /** For messages: the path or the URI without credentials. */
    String describe();
}

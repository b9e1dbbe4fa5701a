package io.piha.sync.internal;

import io.piha.api.sync.SyncFreeze;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Keeps the freeze in the repository itself, as a blob holding the {@link StoredFreeze} payload under
 * {@value #REF}, so that every process using the repository (the NAS service, the CLI) sees the same
 * freeze and it survives restarts. Written by compare-and-swap.
 */
public final class GitFreezeStore {

    /** Where the freeze payload lives. */
    public static final String REF = "refs/piha/sync-freeze";

    private GitFreezeStore() {
    }

    /** The freeze stored under {@code refName}, if any is stored and not thawed; expiry is the caller's business. */
    public static Optional<SyncFreeze> read(Repository repo, String refName, Instant now) throws IOException {
        Ref ref = repo.exactRef(refName);
        if (ref == null || ref.getObjectId() == null) {
            return Optional.empty();
        }
        byte[] payload = repo.open(ref.getObjectId(), Constants.OBJ_BLOB).getCachedBytes(64 * 1024);
        return StoredFreeze.parse(new String(payload, StandardCharsets.UTF_8), now);
    }

    /** Stores {@code freeze}, or {@code false} when empty (thawed). */
    public static void write(Repository repo, Optional<SyncFreeze> freeze) throws IOException {
        Ref current = repo.exactRef(REF);
        ObjectId blob = insert(repo, freeze);
        RefUpdate update = repo.updateRef(REF);
        update.setExpectedOldObjectId(current == null ? ObjectId.zeroId() : current.getObjectId());
        update.setNewObjectId(blob);
        // A blob has no history to fast-forward; the expected old id still guards concurrent writers.
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> { }
            default -> throw new IOException("cannot store freeze in " + REF + ": " + result);
        }
    }

    /** Writes the payload for {@code freeze} as a blob and returns its id. */
    public static ObjectId insert(Repository repo, Optional<SyncFreeze> freeze) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB,
                    StoredFreeze.format(freeze).getBytes(StandardCharsets.UTF_8));
            inserter.flush();
            return blob;
        }
    }
}

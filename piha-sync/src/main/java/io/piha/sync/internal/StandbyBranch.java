package io.piha.sync.internal;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncOutcome;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Moves the standby branch by compare-and-swap only: the update names the id it expects to replace (zero
 * when the branch must not exist yet) and is never forced, so a concurrent writer or a non-fast-forward
 * blocks it instead of being overwritten.
 */
public final class StandbyBranch {

    private StandbyBranch() {
    }

    /**
     * @param repo the repository holding the branch
     * @param walk a walk on {@code repo}, used by JGit for the fast-forward check
     * @param ref the full ref name, e.g. {@code refs/heads/standby}
     * @param expected the id the branch must have now, empty if it must not exist
     * @param target where to move it
     * @param actor who caused the move, for the reflog and the outcome
     * @param now when, for the reflog
     * @return {@link SyncOutcome.Synced}, {@link SyncOutcome.UpToDate} or {@link SyncOutcome.Blocked}
     */
    public static SyncOutcome moveTo(Repository repo, RevWalk walk, String ref, Optional<ObjectId> expected,
                                     ObjectId target, String actor, Instant now) {
        try {
            RefUpdate update = repo.updateRef(ref);
            update.setExpectedOldObjectId(expected.orElse(ObjectId.zeroId()));
            update.setNewObjectId(target);
            update.setForceUpdate(false);
            update.setRefLogIdent(new PersonIdent("piha-sync", "piha-sync@localhost", now, ZoneOffset.UTC));
            update.setRefLogMessage("piha-sync: fast-forward by " + actor, false);
            // Bare repositories keep no reflog by default; the standby's moves are worth a local trail.
            update.setForceRefLog(true);
            walk.reset();
            return outcome(update.update(walk), ref, expected, target, actor);
        } catch (IOException e) {
            return new SyncOutcome.Blocked("cannot update " + ref + " to " + target.name() + ": " + e.getMessage());
        }
    }

    static SyncOutcome outcome(RefUpdate.Result result, String ref, Optional<ObjectId> expected, ObjectId target,
                               String actor) {
        CommitId to = new CommitId(target.name());
        String was = expected.map(ObjectId::name).orElse("(absent)");
        String move = ref + " " + was + " -> " + target.name();
        return switch (result) {
            case NEW, FAST_FORWARD -> new SyncOutcome.Synced(expected.map(id -> new CommitId(id.name())), to, actor);
            case NO_CHANGE -> new SyncOutcome.UpToDate(to);
            case LOCK_FAILURE -> new SyncOutcome.Blocked("concurrent change of " + move
                    + ": the ref is locked by another writer or no longer at " + was + "; nothing was changed");
            case REJECTED -> new SyncOutcome.Blocked("not a fast-forward: " + move + " refused");
            case REJECTED_MISSING_OBJECT -> new SyncOutcome.Blocked("commit missing from the repository: " + move);
            case REJECTED_CURRENT_BRANCH -> new SyncOutcome.Blocked("refused to move the checked-out branch: "
                    + move);
            case IO_FAILURE -> new SyncOutcome.Blocked("I/O failure while updating " + move);
            case FORCED, RENAMED, NOT_ATTEMPTED, REJECTED_OTHER_REASON -> new SyncOutcome.Blocked(
                    "unexpected ref update result " + result + " for " + move);
        };
    }
}

package io.piha.sync.internal;

import io.piha.api.sync.CommitId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The primary commits the standby can fast-forward to: the first-parent chain from the primary's head back
 * to the standby's commit, newest first. Reads only; the caller owns the walk.
 */
public final class PrimaryHistory {

    private PrimaryHistory() {
    }

    /**
     * @param walk a walk on the repository
     * @param primary the primary branch's commit
     * @param standby the standby branch's commit, empty if the branch does not exist yet
     * @return commits ahead of the standby, newest first; empty when the standby is at the primary
     * @throws SyncBlockedException if the standby is not an ancestor of the primary
     * @throws IOException if the repository cannot be read
     */
    public static List<RevCommit> ahead(RevWalk walk, ObjectId primary, Optional<ObjectId> standby)
            throws IOException {
        RevCommit head = walk.parseCommit(primary);
        RevCommit stop = standby.isPresent() ? walk.parseCommit(standby.get()) : null;
        List<RevCommit> chain = new ArrayList<>();
        for (RevCommit c = head; c != null && !c.equals(stop); c = firstParent(walk, c)) {
            chain.add(c);
        }
        if (stop == null || chain.isEmpty() || firstParentIs(walk, chain.get(chain.size() - 1), stop)) {
            return chain;
        }
        // The standby is not on the first-parent chain: keep only the commits that contain it.
        walk.reset();
        if (!walk.isMergedInto(stop, head)) {
            throw new SyncBlockedException("standby " + stop.name() + " is not an ancestor of primary "
                    + head.name() + ": not a fast-forward; the primary history was rewritten or the standby"
                    + " was moved by hand");
        }
        int keep = 0;
        while (keep < chain.size()) {
            walk.reset();
            if (!walk.isMergedInto(stop, chain.get(keep))) {
                break;
            }
            keep++;
        }
        return List.copyOf(chain.subList(0, keep));
    }

    /** As candidates for the decision, with committer time. */
    public static List<Candidate> candidates(List<RevCommit> ahead) {
        return ahead.stream()
                .map(c -> new Candidate(new CommitId(c.name()), Instant.ofEpochSecond(c.getCommitTime())))
                .toList();
    }

    private static RevCommit firstParent(RevWalk walk, RevCommit c) throws IOException {
        if (c.getParentCount() == 0) {
            return null;
        }
        return walk.parseCommit(c.getParent(0));
    }

    private static boolean firstParentIs(RevWalk walk, RevCommit c, RevCommit parent) {
        return c.getParentCount() > 0 && c.getParent(0).equals(parent);
    }
}

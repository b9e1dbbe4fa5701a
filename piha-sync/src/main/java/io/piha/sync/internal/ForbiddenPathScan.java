package io.piha.sync.internal;

import io.piha.sync.ForbiddenPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Finds forbidden files added or changed by any commit the standby would receive, since the standby gets the
 * whole history, not only the final tree. Identical subtrees are skipped by id, so a commit costs what it
 * changed.
 */
public final class ForbiddenPathScan {

    /** Secrets files larger than this are not read (null content) and are refused unread. */
    static final int MAX_SECRETS_BYTES = 1 << 20;

    private ForbiddenPathScan() {
    }

    /**
     * @param walk a walk on the repository
     * @param target the commit the standby would move to
     * @param standby where the standby is, empty if the branch does not exist yet
     * @param rules what is forbidden
     * @return each offending path with its reason, in the order found (newest commit first)
     * @throws IOException if the repository cannot be read
     */
    public static Map<String, String> scan(RevWalk walk, RevCommit target, Optional<ObjectId> standby,
                                           ForbiddenPaths rules) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        walk.reset();
        walk.markStart(walk.parseCommit(target));
        if (standby.isPresent()) {
            walk.markUninteresting(walk.parseCommit(standby.get()));
        }
        ObjectReader reader = walk.getObjectReader();
        for (RevCommit c; (c = walk.next()) != null; ) {
            scanCommit(walk, reader, c, rules, found);
        }
        return found;
    }

    private static void scanCommit(RevWalk walk, ObjectReader reader, RevCommit c, ForbiddenPaths rules,
                                   Map<String, String> found) throws IOException {
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            if (c.getParentCount() == 0) {
                tw.addTree(new EmptyTreeIterator());
            }
            for (RevCommit p : c.getParents()) {
                tw.addTree(walk.parseCommit(p).getTree());
            }
            int self = tw.addTree(c.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                if (tw.getFileMode(self) == FileMode.MISSING || sameAsAParent(tw, self)) {
                    continue;
                }
                String path = tw.getPathString();
                ObjectId blob = tw.getObjectId(self);
                rules.violation(path, () -> read(reader, blob, path))
                        .ifPresent(reason -> found.putIfAbsent(path, reason + " (commit " + c.name() + ")"));
            }
        }
    }

    /** A merge that takes a parent's version unchanged adds nothing of its own there. */
    private static boolean sameAsAParent(TreeWalk tw, int self) {
        for (int i = 0; i < self; i++) {
            if (tw.getFileMode(i) != FileMode.MISSING && tw.idEqual(i, self)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(ObjectReader reader, ObjectId blob, String path) {
        try {
            var loader = reader.open(blob);
            if (loader.getSize() > MAX_SECRETS_BYTES) {
                return null;
            }
            return loader.getCachedBytes(MAX_SECRETS_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (" + blob.name() + ")", e);
        }
    }
}

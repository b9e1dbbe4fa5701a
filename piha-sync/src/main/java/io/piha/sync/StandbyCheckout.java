package io.piha.sync;

import io.piha.api.sync.CommitId;
import io.piha.sync.internal.TreeExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standby's side: checks the standby branch out into a fresh directory and swaps it into place in one
 * atomic rename of a symbolic link, the way git-sync does, keeping the previous tree for rollback.
 *
 * <p>Layout under {@code root}: {@code current} (a link Home Assistant reads through), {@code previous} (a
 * link to the tree before), and {@code trees/<commit>} (the checked-out trees; only those two are kept). A
 * reader of {@code current} sees either the old tree or the new one, never a mix. The agent calls
 * {@link #apply()} on every sync and, on promote, before it takes leadership. Not thread-safe: one agent
 * owns a root.
 *
 * @since 0.1
 */
public final class StandbyCheckout {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyCheckout.class);

    private final Path repository;
    private final String ref;
    private final Path root;

    private StandbyCheckout(Path repository, String ref, Path root) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * @param repository a local repository holding the standby branch (the NAS repository on a mount, or the
     *     standby's own fetched mirror)
     * @param branch the standby branch, e.g. {@code standby}
     * @param root where {@code current}, {@code previous} and {@code trees} live
     */
    public static StandbyCheckout of(Path repository, String branch, Path root) {
        return new StandbyCheckout(repository, "refs/heads/" + Objects.requireNonNull(branch, "branch"), root);
    }

    /** The same for any ref, e.g. a branch of a remote as fetched into a cache ({@link ConfigSnapshot}). */
    static StandbyCheckout ofRef(Path repository, String ref, Path root) {
        return new StandbyCheckout(repository, ref, root);
    }

    /** The link Home Assistant should read its configuration through. */
    public Path live() {
        return root.resolve("current");
    }

    /** The commit {@code current} shows, if anything was applied. */
    public Optional<CommitId> current() {
        return linked("current");
    }

    /** The commit {@code previous} shows, if a rollback is possible. */
    public Optional<CommitId> previous() {
        return linked("previous");
    }

    /**
     * Makes {@code current} show the standby branch's commit, if it does not already.
     *
     * @return the commit now live
     * @throws StandbyCheckoutException naming the repository, branch or path if it cannot; {@code current}
     *     is then unchanged
     */
    public CommitId apply() {
        CommitId target = branchHead();
        Optional<CommitId> before = current();
        if (before.equals(Optional.of(target))) {
            return target;
        }
        try {
            Path trees = Files.createDirectories(root.resolve("trees"));
            Path tree = trees.resolve(target.hex());
            if (!Files.isDirectory(tree)) {
                Path staging = trees.resolve(".staging-" + UUID.randomUUID());
                export(target, staging);
                Files.move(staging, tree, StandardCopyOption.ATOMIC_MOVE);
            }
            before.ifPresent(b -> relink("previous", b));
            relink("current", target);
            prune();
            LOG.info("standby configuration at {} now {} (was {})", live(), target,
                    before.map(CommitId::toString).orElse("nothing"));
            return target;
        } catch (IOException e) {
            throw new StandbyCheckoutException("cannot apply " + target + " under " + root + ": " + e, e);
        }
    }

    /**
     * Makes {@code current} show the previous tree again, and {@code previous} the one just left.
     *
     * @return the commit now live
     * @throws StandbyCheckoutException if there is no previous tree
     */
    public CommitId rollback() {
        CommitId back = previous().orElseThrow(() -> new StandbyCheckoutException(
                "no previous tree to roll back to under " + root, null));
        CommitId leaving = current().orElseThrow();
        relink("current", back);
        relink("previous", leaving);
        LOG.warn("standby configuration at {} rolled back to {} (from {})", live(), back, leaving);
        return back;
    }

    private CommitId branchHead() {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir().toFile()).setMustExist(true).build()) {
            Ref head = repo.exactRef(ref);
            if (head == null || head.getObjectId() == null) {
                throw new StandbyCheckoutException("branch " + ref + " not found in " + repository, null);
            }
            return new CommitId(head.getObjectId().name());
        } catch (IOException e) {
            throw new StandbyCheckoutException("cannot read " + repository + ": " + e, e);
        }
    }

    private void export(CommitId commit, Path staging) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir().toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo)) {
            TreeExport.write(repo, walk.parseCommit(ObjectId.fromString(commit.hex())).getTree(), staging);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private Path gitDir() {
        Path dotGit = repository.resolve(".git");
        return Files.isDirectory(dotGit) ? dotGit : repository;
    }

    /** Points {@code name} at {@code trees/<commit>} by renaming a fresh link over it: atomic on POSIX. */
    private void relink(String name, CommitId commit) {
        Path link = root.resolve(name);
        Path fresh = root.resolve("." + name + "-" + UUID.randomUUID());
        try {
            Files.createSymbolicLink(fresh, Path.of("trees", commit.hex()));
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(fresh);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new StandbyCheckoutException("cannot point " + link + " at " + commit + ": " + e, e);
        }
    }

    private Optional<CommitId> linked(String name) {
        Path link = root.resolve(name);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CommitId(Files.readSymbolicLink(link).getFileName().toString()));
        } catch (IOException | IllegalArgumentException e) {
            throw new StandbyCheckoutException("unreadable link " + link + ": " + e, e);
        }
    }

    private void prune() throws IOException {
        Optional<CommitId> keepA = current();
        Optional<CommitId> keepB = previous();
        try (Stream<Path> trees = Files.list(root.resolve("trees"))) {
            for (Path t : trees.toList()) {
                String name = t.getFileName().toString();
                boolean kept = keepA.map(c -> c.hex().equals(name)).orElse(false)
                        || keepB.map(c -> c.hex().equals(name)).orElse(false);
                if (!kept) {
                    deleteTree(t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.piha.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real bare repository on disk, written with JGit so that tests control committer times exactly.
 * Each commit on a branch carries the branch's whole tree, like a Home Assistant config directory.
 */
public final class TestRepo implements AutoCloseable {

    /** Prefix of a content that is written as a symbolic link to the rest of the string. */
    public static final String LINK = "\0link:";

    private final Path dir;
    private final Repository repo;
    private final Map<String, Map<String, String>> trees = new TreeMap<>();

    private TestRepo(Path dir, Repository repo) {
        this.dir = dir;
        this.repo = repo;
    }

    /** Creates an empty bare repository at {@code dir}. */
    public static TestRepo createBare(Path dir) {
        try {
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            return new TestRepo(dir, repo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return repo;
    }

    /** Commits {@code changes} on top of {@code branch} (a null value deletes the file). */
    public ObjectId commit(String branch, Instant when, Map<String, String> changes) {
        Map<String, String> tree = new TreeMap<>(trees.getOrDefault(branch, Map.of()));
        changes.forEach((path, content) -> {
            if (content == null) {
                tree.remove(path);
            } else {
                tree.put(path, content);
            }
        });
        ObjectId id = write(tree, head(branch), when, "change " + changes.keySet());
        move(branch, id);
        trees.put(branch, tree);
        return id;
    }

    /** Commits a one-line change to {@code configuration.yaml}. */
    public ObjectId commit(String branch, Instant when, String line) {
        return commit(branch, when, Map.of("configuration.yaml", "homeassistant:\n  name: " + line + "\n"));
    }

    /** Starts {@code branch} afresh from {@code from}'s tree, e.g. to rewrite history. */
    public void forkTree(String from, String branch) {
        trees.put(branch, new TreeMap<>(trees.getOrDefault(from, Map.of())));
    }

    public Optional<ObjectId> head(String branch) {
        try {
            Ref ref = repo.exactRef("refs/heads/" + branch);
            return Optional.ofNullable(ref).map(Ref::getObjectId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points {@code branch} at {@code id}, forced: the tests play people who do anything. */
    public void move(String branch, ObjectId id) {
        try {
            RefUpdate u = repo.updateRef("refs/heads/" + branch);
            u.setNewObjectId(id);
            u.setForceUpdate(true);
            RefUpdate.Result r = u.update();
            if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD
                    && r != RefUpdate.Result.NO_CHANGE) {
                throw new IllegalStateException("cannot move " + branch + ": " + r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectId write(Map<String, String> files, Optional<ObjectId> parent, Instant when, String message) {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (Map.Entry<String, String> f : files.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                boolean link = f.getValue().startsWith(LINK);
                String content = link ? f.getValue().substring(LINK.length()) : f.getValue();
                e.setFileMode(link ? FileMode.SYMLINK : FileMode.REGULAR_FILE);
                e.setObjectId(ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
                b.add(e);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            parent.ifPresent(c::setParentId);
            PersonIdent who = new PersonIdent("Primary", "primary@home.lan", when, ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            ObjectId id = ins.insert(c);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}

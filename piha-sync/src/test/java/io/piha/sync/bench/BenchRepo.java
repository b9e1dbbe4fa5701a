package io.piha.sync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Generates the benchmark repository: {@code dirs x filesPerDir} files, {@code commits} commits on
 * {@code main}, each changing one file, five minutes apart and ending at {@code end}; then packs it as a
 * NAS repository would be.
 */
final class BenchRepo {

    private BenchRepo() {
    }

    static ObjectId[] create(Path dir, int commits, int dirs, int filesPerDir, Instant end)
            throws IOException, GitAPIException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
            repo.create(true);
            ObjectId[] ids = new ObjectId[commits];
            try (ObjectInserter ins = repo.newObjectInserter()) {
                ObjectId[][] blobs = new ObjectId[dirs][filesPerDir];
                ObjectId[] dirTrees = new ObjectId[dirs];
                for (int d = 0; d < dirs; d++) {
                    for (int f = 0; f < filesPerDir; f++) {
                        blobs[d][f] = blob(ins, "# package " + d + "/" + f + "\nsensor:\n  - platform: template\n");
                    }
                    dirTrees[d] = dirTree(ins, blobs[d]);
                }
                ObjectId parent = null;
                for (int i = 0; i < commits; i++) {
                    int d = i % dirs;
                    int f = (i / dirs) % filesPerDir;
                    blobs[d][f] = blob(ins, "# package " + d + "/" + f + " revision " + i + "\nsensor: []\n");
                    dirTrees[d] = dirTree(ins, blobs[d]);
                    Instant when = end.minusSeconds(300L * (commits - 1 - i));
                    parent = commit(ins, rootTree(ins, dirTrees), parent, when, i);
                    ids[i] = parent;
                }
                ins.flush();
            }
            RefUpdate u = repo.updateRef("refs/heads/main");
            u.setNewObjectId(ids[commits - 1]);
            u.update();
            Git.wrap(repo).gc().call();
            return ids;
        }
    }

    private static ObjectId blob(ObjectInserter ins, String text) throws IOException {
        return ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectId dirTree(ObjectInserter ins, ObjectId[] files) throws IOException {
        TreeFormatter t = new TreeFormatter();
        for (int f = 0; f < files.length; f++) {
            t.append(String.format("file-%04d.yaml", f), FileMode.REGULAR_FILE, files[f]);
        }
        return ins.insert(t);
    }

    private static ObjectId rootTree(ObjectInserter ins, ObjectId[] dirs) throws IOException {
        TreeFormatter t = new TreeFormatter();
        for (int d = 0; d < dirs.length; d++) {
            t.append(String.format("pkg-%03d", d), FileMode.TREE, dirs[d]);
        }
        return ins.insert(t);
    }

    private static ObjectId commit(ObjectInserter ins, ObjectId tree, ObjectId parent, Instant when, int i)
            throws IOException {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        if (parent != null) {
            c.setParentId(parent);
        }
        PersonIdent who = new PersonIdent("Primary", "primary@home.lan", when, ZoneOffset.UTC);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage("change " + i + "\n");
        return ins.insert(c);
    }
}

package io.piha.sync.internal;

import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A repository on a path (NAS-local disk or a mounted share), opened per call so other writers can share it. */
public final class LocalConfigRepository implements ConfigRepository {

    private final Path path;

    public LocalConfigRepository(Path path) {
        this.path = path;
    }

    @Override
    public Repository open() throws IOException {
        if (!Files.isDirectory(path)) {
            throw new SyncBlockedException("repository " + path + " does not exist or is not a directory");
        }
        Path dotGit = path.resolve(".git");
        return new FileRepositoryBuilder()
                .setGitDir((Files.isDirectory(dotGit) ? dotGit : path).toFile())
                .setMustExist(true)
                .build();
    }

    @Override
    public String ref(String branch) {
        return "refs/heads/" + branch;
    }

    @Override
    public String freezeRef() {
        return GitFreezeStore.REF;
    }

    @Override
    public SyncOutcome moveBranch(Repository local, RevWalk walk, String branch, Optional<ObjectId> expected,
                                  ObjectId target, String actor, Instant now) {
        return StandbyBranch.moveTo(local, walk, ref(branch), expected, target, actor, now);
    }

    @Override
    public void writeFreeze(Optional<SyncFreeze> freeze) throws IOException {
        try (Repository repo = open()) {
            GitFreezeStore.write(repo, freeze);
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }
}

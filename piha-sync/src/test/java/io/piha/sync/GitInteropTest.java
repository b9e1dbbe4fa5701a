package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.SyncOutcome;
import io.piha.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves interop with the git command line, as people and Home Assistant add-ons use it: commits pushed with
 * git are synced, git sees a clean fast-forward, and a forced push is refused.
 */
class GitInteropTest {

    private static final Instant T0 = Instant.parse("2026-06-10T09:00:00Z");

    @TempDir
    Path tmp;

    private Path bare;
    private Path work;

    @BeforeEach
    void primaryPushesToABareRepositoryOnTheNas() throws Exception {
        bare = tmp.resolve("home-assistant.git");
        work = tmp.resolve("config");
        git(tmp, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(tmp, "init", "-q", "-b", "main", work.toString());
        git(work, "remote", "add", "origin", bare.toString());
    }

    @Test
    void commitsPushedWithGitAreFastForwardedAndGitAgrees() throws Exception {
        String first = commit("configuration.yaml", "homeassistant:\n  name: Home\n", T0.minusSeconds(3 * 86400));
        git(work, "push", "-q", "origin", "main", "main:standby");
        String second = commit("automations.yaml", "- alias: lights\n", T0.minusSeconds(2 * 86400));
        commit("scripts.yaml", "{}\n", T0.minusSeconds(3600));
        git(work, "push", "-q", "origin", "main");

        GitConfigSync sync = GitConfigSync.custom(bare).clock(new ManualClock(T0)).build();
        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(git(bare, "rev-parse", "refs/heads/standby")).isEqualTo(second);
        git(bare, "merge-base", "--is-ancestor", first, "refs/heads/standby");
        git(bare, "fsck", "--strict", "--no-dangling");
        assertThat(git(bare, "reflog", "show", "--format=%gs", "refs/heads/standby"))
                .contains("piha-sync: fast-forward by scheduler");
    }

    @Test
    void aForcePushedPrimaryIsRefusedAndTheStandbyKeepsItsCommit() throws Exception {
        commit("configuration.yaml", "name: one\n", T0.minusSeconds(5 * 86400));
        String synced = commit("configuration.yaml", "name: two\n", T0.minusSeconds(4 * 86400));
        git(work, "push", "-q", "origin", "main", "main:standby");
        git(work, "reset", "-q", "--hard", "HEAD~1");
        commit("configuration.yaml", "name: rewritten\n", T0.minusSeconds(3 * 86400));
        git(work, "push", "-q", "--force", "origin", "main");

        SyncOutcome outcome = GitConfigSync.custom(bare).clock(new ManualClock(T0)).build().sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(git(bare, "rev-parse", "refs/heads/standby")).isEqualTo(synced);
    }

    @Test
    void theFreezeStoredByPihaIsPlainGitDataThatGitCanRead() throws Exception {
        commit("configuration.yaml", "name: one\n", T0.minusSeconds(5 * 86400));
        git(work, "push", "-q", "origin", "main");
        GitConfigSync sync = GitConfigSync.custom(bare).clock(new ManualClock(T0)).build();

        sync.freeze(new io.piha.api.sync.SyncFreeze("drill", "ops", T0, java.util.Optional.empty()));

        assertThat(git(bare, "cat-file", "-p", "refs/piha/sync-freeze"))
                .isEqualTo("{\"frozen\":true,\"reason\":\"drill\",\"by\":\"ops\",\"since\":\"2026-06-10T09:00:00Z\"}");
    }

    private String commit(String file, String content, Instant when) throws Exception {
        Files.writeString(work.resolve(file), content);
        git(work, "add", file);
        git(Map.of("GIT_COMMITTER_DATE", when.toString(), "GIT_AUTHOR_DATE", when.toString()), work,
                "commit", "-q", "-m", "edit " + file);
        return git(work, "rev-parse", "HEAD");
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        return git(Map.of(), dir, args);
    }

    private static String git(Map<String, String> env, Path dir, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Primary", "-c",
                "user.email=primary@home.lan", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ": " + out);
        }
        return out;
    }
}

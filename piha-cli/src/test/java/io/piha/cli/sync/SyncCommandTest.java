package io.piha.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.ExitCode;
import io.piha.cli.Piha;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code piha sync status|now|freeze|thaw} against a real repository. */
class SyncCommandTest {

    @TempDir
    Path tmp;

    private Path repo;
    private RevCommit synced;
    private RevCommit fresh;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void repositoryWithAStandbyAndAFreshCommit() throws Exception {
        repo = tmp.resolve("config");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            synced = commit(git, "configuration.yaml", "name: one\n", Instant.now().minus(Duration.ofDays(3)));
            git.branchCreate().setName("standby").setStartPoint(synced).call();
            fresh = commit(git, "automations.yaml", "[]\n", Instant.now().minus(Duration.ofHours(1)));
        }
    }

    private static RevCommit commit(Git git, String file, String content, Instant when) throws Exception {
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content);
        git.add().addFilepattern(file).call();
        PersonIdent who = new PersonIdent("Primary", "primary@home.lan", when, ZoneOffset.UTC);
        return git.commit().setMessage("edit " + file).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private int piha(String... args) {
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void statusShowsTheSyncedAndPendingCommitsAndExitsIncompleteWhilePending() {
        int code = piha("sync", "status", "--repo", repo.toString());

        assertThat(code).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(out.toString()).contains("standby:  " + synced.name())
                .contains("pending:  " + fresh.name() + ", eligible at")
                .contains("health:   PENDING")
                .containsPattern("eligible at \\S+ \\(in 2[23] h \\d+ min\\)");
    }

    @Test
    void nowForcesTheSyncAndAuditsTheActor() {
        int code = piha("sync", "now", "--repo", repo.toString(), "--actor", "alice");

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("synced " + fresh.name().substring(0, 10) + " (was "
                + synced.name().substring(0, 10) + ") by alice" + System.lineSeparator());
        assertThat(err.toString()).contains("audit:").contains("alice sync_force home-assistant ACCEPTED: synced ")
                .doesNotContain("Synced[", "Optional");
        out.getBuffer().setLength(0);
        assertThat(piha("sync", "status", "--repo", repo.toString())).isZero();
        assertThat(out.toString()).contains("health:   HEALTHY");
    }

    @Test
    void freezeHoldsEvenAForcedSyncUntilThawed() {
        assertThat(piha("sync", "freeze", "--repo", repo.toString(), "--reason", "new coordinator", "--by", "bob",
                "--for", "48h")).isZero();

        assertThat(piha("sync", "now", "--repo", repo.toString(), "--actor", "carol")).isEqualTo(ExitCode.REFUSED.code());
        assertThat(out.toString()).contains("frozen by bob");
        assertThat(piha("sync", "status", "--repo", repo.toString())).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(out.toString()).contains("freeze:   frozen by bob").contains("new coordinator")
                .contains("health:   FROZEN");

        assertThat(piha("sync", "thaw", "--repo", repo.toString(), "--by", "bob")).isZero();
        assertThat(piha("sync", "now", "--repo", repo.toString(), "--actor", "carol")).isZero();
        assertThat(err.toString()).contains("bob sync_freeze").contains("bob sync_thaw");
    }

    @Test
    void aRemoteRepositoryIsReachedThroughItsUriAndACache() {
        String uri = repo.resolve(".git").toUri().toString();

        int code = piha("sync", "now", "--repo", uri, "--cache", tmp.resolve("cache.git").toString(),
                "--actor", "dave");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("synced ");
        assertThat(err.toString()).contains("dave sync_force home-assistant ACCEPTED");
    }

    @Test
    void aBadWindowIsRefusedNamingTheValue() {
        int code = piha("sync", "status", "--repo", repo.toString(), "--window", "soon");

        assertThat(code).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).startsWith("piha sync status: ").contains("'soon' is not a duration");
    }

    @Test
    void aMissingRepositoryIsReportedAsBlocked() {
        int code = piha("sync", "status", "--repo", tmp.resolve("nowhere").toString());

        assertThat(code).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(out.toString()).contains("health:   BLOCKED").contains("does not exist");
    }
}

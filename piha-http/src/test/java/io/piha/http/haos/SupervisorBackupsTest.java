package io.piha.http.haos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.supervisor.SimulatedSupervisor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorBackupsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private SimulatedSupervisor supervisor;

    @BeforeEach
    void start() throws IOException {
        supervisor = new SimulatedSupervisor("good-token");
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private SupervisorBackups client(String token) {
        return new SupervisorBackups("haos-primary", supervisor.url(), Secret.of(token), TIMEOUT, TIMEOUT);
    }

    @Test
    void aNewFullBackupIsCreatedDownloadedVerifiedAndStagedByteForByte() throws IOException {
        BackupStaging staging = new BackupStaging(dir, 3);

        StagedBackup staged = staging.pullNew(client("good-token"), "nightly");

        assertThat(Files.readAllBytes(staged.file())).isEqualTo(supervisor.archiveOf(staged.slug()));
        assertThat(staged.file().getFileName().toString()).endsWith("_" + staged.slug() + ".tar");
        assertThat(staging.staged()).containsExactly(staged);
        assertThat(client("good-token").list()).extracting(SupervisorBackup::name).containsExactly("nightly");
    }

    @Test
    void theListIsNewestFirstAndInfoGivesTheExactSize() {
        supervisor.addBackup("old", Instant.parse("2026-11-01T03:00:00Z"));
        String newest = supervisor.addBackup("new", Instant.parse("2026-12-01T03:00:00Z"));

        List<SupervisorBackup> all = client("good-token").list();
        SupervisorBackup info = client("good-token").info(newest);

        assertThat(all).extracting(SupervisorBackup::name).containsExactly("new", "old");
        assertThat(info.sizeExact()).isTrue();
        assertThat(info.sizeBytes()).hasValue(supervisor.archiveOf(newest).length);
    }

    @Test
    void onlyTheNewestKeepBackupsStayStaged() {
        BackupStaging staging = new BackupStaging(dir, 2);
        for (int day = 1; day <= 4; day++) {
            supervisor.addBackup("day " + day, Instant.parse("2026-12-0" + day + "T03:00:00Z"));
            staging.pullLatest(client("good-token"));
        }

        assertThat(staging.staged()).extracting(s -> s.date().toString())
                .containsExactly("2026-12-03T03:00:00Z", "2026-12-04T03:00:00Z");
        assertThat(staging.newest().orElseThrow().date()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
    }

    @Test
    void aWrongTokenIsATypedErrorNamingTheHostAndWhatToDo() {
        assertThatThrownBy(() -> client("stale-token").list())
                .isInstanceOf(SupervisorException.TokenRefused.class)
                .hasMessageContaining("haos-primary").hasMessageContaining("HTTP 401")
                .hasMessageContaining("long-lived access token")
                .hasMessageNotContaining("stale-token");
    }

    @Test
    void malformedJsonIsRefusedNamingTheRequest() {
        supervisor.addBackup("x", Instant.parse("2026-12-01T03:00:00Z"));
        supervisor.answerMalformedJson(true);

        assertThatThrownBy(() -> client("good-token").list())
                .isInstanceOf(SupervisorException.BadAnswer.class)
                .hasMessageContaining("haos-primary").hasMessageContaining("backups").hasMessageContaining("not JSON");
    }

    @Test
    void anErrorResultIsRefusedWithTheSupervisorsMessage() {
        assertThatThrownBy(() -> client("good-token").info("nosuch"))
                .isInstanceOf(SupervisorException.BadAnswer.class)
                .hasMessageContaining("backups/nosuch/info").hasMessageContaining("Backup does not exist");
    }

    @Test
    void aTruncatedArchiveIsRefusedAndThePreviouslyStagedBackupIsKept() throws IOException {
        BackupStaging staging = new BackupStaging(dir, 3);
        supervisor.addBackup("good", Instant.parse("2026-12-01T03:00:00Z"));
        StagedBackup good = staging.pullLatest(client("good-token"));
        byte[] goodBytes = Files.readAllBytes(good.file());
        supervisor.addBackup("cut", Instant.parse("2026-12-02T03:00:00Z"));
        supervisor.truncateDownloadsTo(40_000);

        assertThatThrownBy(() -> staging.pullLatest(client("good-token")))
                .isInstanceOf(SupervisorException.BadAnswer.class)
                .hasMessageContaining("refused, nothing staged").hasMessageContaining("are kept");

        assertThat(staging.staged()).containsExactly(good);
        assertThat(Files.readAllBytes(good.file())).isEqualTo(goodBytes);
        assertThat(filesIn(dir)).hasSize(1); // no temporary file left behind
    }

    @Test
    void aSizeInMegabytesStillCatchesAnArchiveMissingItsTail() {
        supervisor.sizeField(SimulatedSupervisor.SizeField.MEGABYTES);
        supervisor.addBackup("cut", Instant.parse("2026-12-02T03:00:00Z"));
        supervisor.truncateDownloadsTo(60_000);

        assertThatThrownBy(() -> new BackupStaging(dir, 3).pullLatest(client("good-token")))
                .hasMessageContaining("the archive has 60000 bytes").hasMessageContaining("rounded from MB");
    }

    @Test
    void withoutASizeTheTarItselfCatchesAnArchiveCutInsideAnEntry() {
        supervisor.sizeField(SimulatedSupervisor.SizeField.NONE);
        supervisor.addBackup("cut", Instant.parse("2026-12-02T03:00:00Z"));
        supervisor.truncateDownloadsTo(60_000); // inside homeassistant.tar.gz
        BackupStaging staging = new BackupStaging(dir, 3);

        assertThatThrownBy(() -> staging.pullLatest(client("good-token")))
                .hasMessageContaining("homeassistant.tar.gz").hasMessageContaining("cut short");
        assertThat(staging.staged()).isEmpty();
    }

    @Test
    void withoutASizeAnArchiveMissingItsEndBlockIsRefused() {
        supervisor.sizeField(SimulatedSupervisor.SizeField.NONE);
        String slug = supervisor.addBackup("cut", Instant.parse("2026-12-02T03:00:00Z"));
        int lastEntryEnd = 512 + pad(jsonLength(slug)) + 512 + pad(70_000);
        supervisor.truncateDownloadsTo(lastEntryEnd);

        assertThatThrownBy(() -> new BackupStaging(dir, 3).pullLatest(client("good-token")))
                .hasMessageContaining("end-of-archive");
    }

    @Test
    void anArchiveOfAnotherBackupIsRefused() throws IOException {
        String slug = supervisor.addBackup("a", Instant.parse("2026-12-02T03:00:00Z"));
        Path file = dir.resolve("a.tar");
        Files.write(file, supervisor.archiveOf(slug));
        SupervisorBackup other = new SupervisorBackup("deadbeef", "a", Instant.parse("2026-12-02T03:00:00Z"), "full",
                false, java.util.OptionalLong.empty(), false);

        assertThatThrownBy(() -> BackupArchive.verify(file, other)).hasMessageContaining("slug '" + slug + "'")
                .hasMessageContaining("'deadbeef'");
    }

    @Test
    void anUnreachableHostIsATypedErrorNamingTheHostAndTheUrl() throws IOException {
        URI nowhere = URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/api/hassio/");
        SupervisorBackups client = new SupervisorBackups("haos-primary", nowhere, Secret.of("t"), TIMEOUT, TIMEOUT);

        assertThatThrownBy(() -> client.download("abc", new ByteArrayOutputStream()))
                .isInstanceOf(SupervisorException.Unreachable.class)
                .hasMessageContaining("haos-primary").hasMessageContaining(nowhere.toString())
                .hasMessageContaining("does not answer");
    }

    @Test
    void theTokenNeverShowsInTheClientsText() {
        assertThat(client("good-token").toString()).doesNotContain("good-token").contains(Secret.REDACTED);
    }

    private int jsonLength(String slug) {
        byte[] a = supervisor.archiveOf(slug);
        return Integer.parseInt(new String(a, 124, 11, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
    }

    private static int pad(int size) {
        return (size + 511) / 512 * 512;
    }

    private static List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList();
        }
    }
}

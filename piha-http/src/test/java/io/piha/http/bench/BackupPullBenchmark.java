package io.piha.http.bench;

import io.piha.api.Secret;
import io.piha.http.haos.BackupArchive;
import io.piha.http.haos.BackupStaging;
import io.piha.http.haos.StagedBackup;
import io.piha.http.haos.SupervisorBackups;
import io.piha.testkit.supervisor.SimulatedSupervisor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What pulling a HAOS backup costs over a plain download of the same archive: {@value #MIB} MiB from the fake
 * Supervisor on loopback, {@value #RUNS} runs after {@value #WARMUP} warm-ups, median and worst wall time. Baseline,
 * same run: the JDK HTTP client streaming the archive to a file (no fsync, no check). Measured: the whole pull
 * (download into a temporary file, fsync, verification, rename, fsync of the folder), and the verification alone.
 *
 * <p>Run: {@code ./mvnw -B -q -pl piha-http -am -Pbackup-bench -DskipTests verify}
 */
public final class BackupPullBenchmark {

    static final int MIB = 128;
    static final int RUNS = 5;
    static final int WARMUP = 1;

    private BackupPullBenchmark() {
    }

    /** Runs the benchmark and prints one line per measurement. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("piha-pull-bench");
        try (SimulatedSupervisor supervisor = new SimulatedSupervisor("t")) {
            String slug = supervisor.addBackup("bench", Instant.parse("2026-12-01T03:00:00Z"), MIB * 1024 * 1024);
            SupervisorBackups client = new SupervisorBackups("bench", supervisor.url(), Secret.of("t"),
                    Duration.ofSeconds(60), Duration.ofSeconds(60));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest raw = HttpRequest.newBuilder(supervisor.url().resolve("backups/" + slug + "/download"))
                    .header("Authorization", "Bearer t").build();
            BackupStaging staging = new BackupStaging(dir.resolve("staging"), 1);
            List<Long> baseline = new ArrayList<>();
            List<Long> pull = new ArrayList<>();
            List<Long> verify = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                boolean counted = i >= WARMUP;
                Path plain = dir.resolve("plain.tar");
                time(counted, baseline, () -> http.send(raw, HttpResponse.BodyHandlers.ofFile(plain)));
                StagedBackup[] staged = new StagedBackup[1];
                time(counted, pull, () -> staged[0] = staging.pull(client, client.info(slug)));
                time(counted, verify, () -> BackupArchive.verify(staged[0].file(), client.info(slug)));
                Files.delete(plain);
            }
            print("baseline: JDK HTTP download to a file", baseline);
            print("pull: download, fsync, verify, rename", pull);
            print("verify alone (re-read of the staged archive)", verify);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void time(boolean counted, List<Long> into, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        if (counted) {
            into.add(System.nanoTime() - start);
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double worst = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf(Locale.ROOT, "%-48s %d MiB: median %7.0f ms (%5.0f MiB/s), worst %7.0f ms%n", what, MIB,
                median, MIB / (median / 1000), worst);
    }
}

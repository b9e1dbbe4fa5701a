package io.piha.sync.bench;

import io.piha.api.sync.SyncOutcome;
import io.piha.sync.GitConfigSync;
import io.piha.sync.StandbyCheckout;
import io.piha.testkit.ManualClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Sync decision and mirror on a repository of 10,000 commits and 5,000 files. Prints, per scenario, the
 * median and worst wall time of {@value #RUNS} runs after {@value #WARMUP} warm-ups ({@value #FILE_RUNS}
 * runs after one warm-up for the scenarios that write 5,000 files), and the peak heap seen during the runs.
 * Baselines, measured in the same run: a bare JGit walk over the whole history, and writing 5,000 small files
 * with java.nio.
 *
 * <p>Run: {@code ./mvnw -B -q -pl piha-sync -am -Pbenchmark -DskipTests verify}
 */
public final class SyncBenchmark {

    static final int COMMITS = 10_000;
    static final int DIRS = 50;
    static final int FILES_PER_DIR = 100;
    static final int WARMUP = 3;
    static final int RUNS = 10;
    static final int FILE_RUNS = 3;
    static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
    /** Commits are five minutes apart: the last 24 h hold 288 of them. */
    static final int PER_DAY = 288;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("piha-sync-bench");
        try {
            long t0 = System.nanoTime();
            ObjectId[] ids = BenchRepo.create(tmp.resolve("ha.git"), COMMITS, DIRS, FILES_PER_DIR, NOW);
            System.out.printf("repository: %,d commits, %,d files, generated and packed in %.1f s%n", COMMITS,
                    DIRS * FILES_PER_DIR, (System.nanoTime() - t0) / 1e9);
            System.out.printf("JVM: %s, max heap %d MiB, %d cores%n", System.getProperty("java.vm.version"),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            run(tmp.resolve("ha.git"), tmp, ids);
        } finally {
            delete(tmp);
        }
    }

    private static void run(Path git, Path tmp, ObjectId[] ids) throws Exception {
        GitConfigSync sync = GitConfigSync.custom(git).clock(new ManualClock(NOW))
                .alerts(a -> { }).audit(e -> { }).build();
        ObjectId newestEligible = ids[COMMITS - 1 - PER_DAY];
        ObjectId dayBehind = ids[COMMITS - 1 - 2 * PER_DAY];

        measure("baseline: JGit walk of all 10,000 commits", () -> { }, () -> walkAll(git));
        measure("decision, nothing eligible (288 pending)", () -> standby(git, Optional.of(newestEligible)),
                () -> expect(sync.sync(), SyncOutcome.Pending.class));
        measure("status()", () -> { }, () -> sync.status().pending().orElseThrow());
        measure("daily sync: decide, scan 288 commits, fast-forward", () -> standby(git, Optional.of(dayBehind)),
                () -> expect(sync.sync(), SyncOutcome.Synced.class));
        measure("initial mirror: no standby, scan 9,711 commits, create", () -> standby(git, Optional.empty()),
                () -> expect(sync.sync(), SyncOutcome.Synced.class));
        Path files = tmp.resolve("plain");
        measure("baseline: write 5,000 small files with java.nio", 1, FILE_RUNS, () -> delete(files),
                () -> writeFiles(files));
        Path root = tmp.resolve("standby");
        measure("standby apply: check out 5,000 files and swap", 1, FILE_RUNS, () -> delete(root),
                () -> StandbyCheckout.of(git, "standby", root).apply());
    }

    private static Object writeFiles(Path dir) throws IOException {
        for (int d = 0; d < DIRS; d++) {
            Path sub = Files.createDirectories(dir.resolve("pkg-" + d));
            for (int f = 0; f < FILES_PER_DIR; f++) {
                Files.writeString(sub.resolve("file-" + f + ".yaml"), "# package\nsensor: []\n");
            }
        }
        return dir;
    }

    /** Something to do before each run, outside the timing. */
    private interface Setup {
        void run() throws Exception;
    }

    private static Object expect(SyncOutcome outcome, Class<?> type) {
        if (!type.isInstance(outcome)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + outcome);
        }
        return outcome;
    }

    private static void measure(String name, Setup setup, Callable<Object> body) throws Exception {
        measure(name, WARMUP, RUNS, setup, body);
    }

    private static void measure(String name, int warmup, int runs, Setup setup, Callable<Object> body)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            setup.run();
            body.call();
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            setup.run();
            long start = System.nanoTime();
            body.call();
            nanos[i] = System.nanoTime() - start;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(nanos);
        System.out.printf("%-58s median %8.1f ms   max %8.1f ms   peak heap %4d MiB%n", name,
                nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, peak >> 20);
    }

    private static Object walkAll(Path git) throws IOException {
        try (Repository repo = open(git); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            int count = 0;
            for (RevCommit c; (c = walk.next()) != null; ) {
                count++;
            }
            return count;
        }
    }

    private static void standby(Path git, Optional<ObjectId> at) throws IOException {
        try (Repository repo = open(git)) {
            RefUpdate u = repo.updateRef("refs/heads/standby");
            u.setForceUpdate(true);
            if (at.isPresent()) {
                u.setNewObjectId(at.get());
                u.update();
            } else if (repo.exactRef("refs/heads/standby") != null) {
                u.delete();
            }
        }
    }

    private static Repository open(Path git) throws IOException {
        return new FileRepositoryBuilder().setGitDir(git.toFile()).setMustExist(true).build();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

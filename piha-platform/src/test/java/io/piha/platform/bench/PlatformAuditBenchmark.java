package io.piha.platform.bench;

import io.piha.platform.AuditReport;
import io.piha.platform.PlatformAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The platform audit benchmark of docs/benchmarks.md: generates Flux repositories of 1,000, 2,000 and 4,000
 * manifests (plain Deployments, Services, PVCs and ConfigMaps in kustomized directories, and HelmReleases of a
 * local chart that the audit renders) and times a whole audit of each: the first audit of the JVM (on the first
 * size), then, after {@value #WARMUPS} warm-up rounds over all sizes, {@value #RUNS} rounds with the sizes
 * interleaved: median, fastest and slowest wall time and the median CPU time of the process. Run:
 * {@code ./mvnw -B -q -pl piha-platform -am -Pbenchmark -DskipTests verify} (optionally
 * {@code -Dbench.sizes=1000,8000}). Not a test: it never runs in {@code verify} without the profile.
 */
public final class PlatformAuditBenchmark {

    static final int RUNS = 7;
    static final int WARMUPS = 3;

    private PlatformAuditBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,2000,4000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        System.out.printf("platform audit benchmark: %d cores, %s %s, max heap %d MiB, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), load());
        PlatformAudit audit = PlatformAudit.ofDefaults();
        Path[] repos = new Path[sizes.length];
        int[] files = new int[sizes.length];
        try {
            for (int i = 0; i < sizes.length; i++) {
                repos[i] = Files.createTempDirectory("piha-audit-bench-");
                files[i] = RepositoryGenerator.generate(repos[i], sizes[i]);
            }
            long cold = time(audit, repos[0]);
            for (int w = 0; w < WARMUPS; w++) {
                for (Path repo : repos) {
                    time(audit, repo);
                }
            }
            long[][] wall = new long[sizes.length][RUNS];
            long[][] cpu = new long[sizes.length][RUNS];
            for (int r = 0; r < RUNS; r++) { // sizes interleaved, so that a busy moment of the machine hits all
                for (int i = 0; i < sizes.length; i++) {
                    long cpuBefore = processCpu();
                    wall[i][r] = time(audit, repos[i]);
                    cpu[i][r] = processCpu() - cpuBefore;
                }
            }
            table(audit, sizes, files, repos, cold, wall, cpu);
        } finally {
            for (Path repo : repos) {
                if (repo != null) {
                    delete(repo);
                }
            }
        }
        System.out.printf("load average at the end %.1f%n", load());
    }

    private static void table(PlatformAudit audit, int[] sizes, int[] files, Path[] repos, long cold, long[][] wall,
            long[][] cpu) {
        System.out.println("| manifests in files | files | objects audited (rendered included) | findings "
                + "| first audit of the JVM | median | fastest | slowest | median process CPU | CPU per 1,000 manifests |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < sizes.length; i++) {
            Arrays.sort(wall[i]);
            Arrays.sort(cpu[i]);
            AuditReport report = audit.audit(repos[i]);
            System.out.printf("| %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s | %s |%n", sizes[i], files[i],
                    report.manifestsRead(), report.findings().size(), i == 0 ? ms(cold) : "-", ms(wall[i][RUNS / 2]),
                    ms(wall[i][0]), ms(wall[i][RUNS - 1]), ms(cpu[i][RUNS / 2]), ms(cpu[i][RUNS / 2] * 1000 / sizes[i]));
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long time(PlatformAudit audit, Path repo) {
        long start = System.nanoTime();
        audit.audit(repo);
        return System.nanoTime() - start;
    }

    /** CPU time of the whole process (all threads: the audit's, the JIT's and the GC's). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String ms(long nanos) {
        return String.format("%,.0f ms", nanos / 1e6);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

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
 * local chart that the audit renders) and times a whole audit of each: the first audit of the JVM, then the
 * median, fastest and slowest of {@value #RUNS} after {@value #WARMUPS} warm-ups. Run:
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
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        PlatformAudit audit = PlatformAudit.ofDefaults();
        System.out.println("| manifests in files | files | objects audited (rendered included) | findings "
                + "| first audit | median | fastest | slowest | median per 1,000 manifests | median process CPU |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        boolean first = true;
        for (int size : sizes) {
            Path repo = Files.createTempDirectory("piha-audit-bench-");
            try {
                int files = RepositoryGenerator.generate(repo, size);
                long cold = first ? time(audit, repo) : -1;
                first = false;
                for (int i = 0; i < WARMUPS; i++) {
                    time(audit, repo);
                }
                long[] runs = new long[RUNS];
                long[] cpu = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long cpuBefore = processCpu();
                    runs[i] = time(audit, repo);
                    cpu[i] = processCpu() - cpuBefore;
                }
                Arrays.sort(runs);
                Arrays.sort(cpu);
                AuditReport report = audit.audit(repo);
                long median = runs[RUNS / 2];
                System.out.printf("| %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s | %s |%n", size, files,
                        report.manifestsRead(), report.findings().size(), cold < 0 ? "-" : ms(cold), ms(median),
                        ms(runs[0]), ms(runs[RUNS - 1]), ms(median * 1000 / size), ms(cpu[RUNS / 2]));
            } finally {
                delete(repo);
            }
        }
        System.out.printf("load average at the end %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

package io.piha.platform.bench;

import io.piha.platform.AuditReport;
import io.piha.platform.PlatformAudit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One audit in a fresh JVM, as {@code piha platform audit} runs it: {@code AuditOnce DIR} audits DIR and prints
 * the time from JVM start and from the call; {@code AuditOnce DIR N} first generates N manifests into DIR.
 */
public final class AuditOnce {

    private AuditOnce() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (args.length > 1) {
            Files.createDirectories(dir);
            System.out.printf("generated %,d files%n", RepositoryGenerator.generate(dir, Integer.parseInt(args[1])));
            return;
        }
        long start = System.nanoTime();
        AuditReport report = PlatformAudit.ofDefaults().audit(dir);
        long audit = System.nanoTime() - start;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf("audit %,d ms, JVM start to end %,d ms, process CPU %,d ms (JIT and GC threads included), "
                + "load average %.1f: %,d objects, %,d findings%n", audit / 1_000_000, sinceJvmStart, cpu / 1_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), report.manifestsRead(),
                report.findings().size());
    }
}

package io.piha.http.status.bench;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.http.audit.AuditJsonLine;
import io.piha.http.audit.AuditTail;
import io.piha.http.status.EventJournal;
import io.piha.http.status.HostStatus;
import io.piha.http.status.ServiceStatus;
import io.piha.http.status.StatusCounters;
import io.piha.http.status.StatusJson;
import io.piha.http.status.StatusMetrics;
import io.piha.http.status.StatusPage;
import io.piha.http.status.StatusSnapshot;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a year of audit behind the control plane costs its status page: a JSON-lines trail of one year (a heartbeat
 * every 30 s, a decision every 30 min, all in one file: the worst case, no rotation), read back at start-up with the
 * bounded {@link AuditTail}, then the page, its JSON and {@code /metrics} rendered; the baseline is the same rendering
 * with an empty journal, in the same run. For scale, the time to merely scan the whole trail once.
 * Run: {@code ./mvnw -B -q -pl piha-http -am -Pbench test -DskipTests} (see docs/benchmarks.md).
 */
public final class StatusPageBenchmark {

    private static final Instant START = Instant.parse("2025-05-01T00:00:00Z");
    private static final int RENDERS = 2_000;
    private static final Set<String> HOSTS = Set.of("haos-primary", "ha-standby");

    private StatusPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), loadAverage());
        Path dir = Files.createTempDirectory("piha-status-bench-");
        Path trail = dir.resolve("audit.jsonl");
        try {
            long lines = writeYear(trail);
            System.out.printf(Locale.ROOT, "a year of audit: %,d entries, %,d MiB in one file%n", lines,
                    Files.size(trail) >> 20);
            EventJournal empty = new EventJournal(EventJournal.DEFAULT_CAPACITY, HOSTS, new StatusCounters());
            report("baseline: empty journal, render page + JSON + metrics", render(empty));

            long t0 = System.nanoTime();
            AuditTail tail = AuditTail.read(trail, EventJournal.DEFAULT_CAPACITY, AuditTail.DEFAULT_MAX_BYTES,
                    e -> e.outcome() != AuditEntry.Outcome.ROUTINE);
            EventJournal year = new EventJournal(EventJournal.DEFAULT_CAPACITY, HOSTS, new StatusCounters());
            year.seed(tail.entries());
            double seedMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "start-up: tail of the year read and seeded in %.1f ms (%,d KiB read, %d "
                    + "entries kept, %d events listed)%n", seedMs, tail.bytesRead() >> 10, tail.entries().size(),
                    year.events().size());
            report("a year behind: render page + JSON + metrics", render(year));

            t0 = System.nanoTime();
            long scanned;
            try (Stream<String> all = Files.lines(trail, StandardCharsets.UTF_8)) {
                scanned = all.count();
            }
            System.out.printf(Locale.ROOT, "for scale: scanning the whole trail once (%,d lines) takes %.0f ms%n",
                    scanned, (System.nanoTime() - t0) / 1e6);
        } finally {
            Files.deleteIfExists(trail);
            Files.deleteIfExists(dir);
        }
    }

    private static long writeYear(Path trail) throws Exception {
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(trail, StandardCharsets.UTF_8)) {
            Instant end = START.plus(Duration.ofDays(365));
            for (Instant t = START; t.isBefore(end); t = t.plusSeconds(30)) {
                w.write(AuditJsonLine.format(new AuditEntry(t, "nas", "observe_heartbeat", "home-assistant",
                        AuditEntry.Outcome.ROUTINE, "heartbeat of haos-primary", Map.of("phase", "watching",
                        "epoch", "7", "leader", "haos-primary", "frozen", "false"))));
                w.write('\n');
                n++;
                if (t.getEpochSecond() % 1_800 == 0) {
                    w.write(AuditJsonLine.format(new AuditEntry(t, "nas", "verify", "home-assistant",
                            AuditEntry.Outcome.ACCEPTED, "haos-primary silent for 90 s: probe it", Map.of())));
                    w.write('\n');
                    n++;
                }
            }
        }
        return n;
    }

    private static double[] render(EventJournal journal) {
        Instant now = START.plus(Duration.ofDays(365));
        journal.send(Alert.of(now, AlertCodes.HEARTBEAT_MISSED, Severity.WARNING, "home-assistant", "haos-primary missed"));
        ServiceStatus svc = new ServiceStatus(ServiceName.HOME_ASSISTANT, Optional.of(HostId.of("haos-primary")),
                Epoch.of(7), "watching", false, Optional.of(now.minusSeconds(3)), Optional.empty());
        List<HostStatus> hosts = HOSTS.stream().map(h -> new HostStatus(HostId.of(h), "home-assistant", "primary",
                Optional.of("v1"), Optional.of(new ProbeResult.Up(now, Duration.ofMillis(4), "HTTP 200")),
                Optional.of(now.minusSeconds(3)), Optional.empty(), Optional.empty(), HostStatus.Liveness.HEARTBEATING))
                .toList();
        double[] ms = new double[RENDERS];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int i = 0; i < RENDERS; i++) {
                long t0 = System.nanoTime();
                StatusSnapshot s = new StatusSnapshot(now, "bench", List.of(svc), hosts, List.of(), journal.events(),
                        journal.routine(), Optional.empty(), journal.counters().samples());
                int size = StatusPage.render(s).length() + StatusJson.render(s).length() + StatusMetrics.render(s).length();
                ms[i] = (System.nanoTime() - t0) / 1e6 + (size < 0 ? 1 : 0);
            }
        }
        return ms;
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-55s p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d renders)%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1],
                sorted.length);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}

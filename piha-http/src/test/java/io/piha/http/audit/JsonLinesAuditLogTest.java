package io.piha.http.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditLogTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectPerLineAndReadsItBack() throws Exception {
        Path file = dir.resolve("piha-control/audit.jsonl");
        AuditEntry powerCycle = new AuditEntry(T0, "nas", "power_cycle", "switch-1/haos-primary",
                AuditEntry.Outcome.ACCEPTED, "no heartbeat for 90 s, supervisor ping refused",
                Map.of("epoch", "7", "port", "1.3"));
        AuditEntry refused = new AuditEntry(T0.plusSeconds(1), "nas", "promote", "home-assistant",
                AuditEntry.Outcome.REFUSED, "frozen", Map.of());

        try (JsonLinesAuditLog log = JsonLinesAuditLog.at(file)) {
            log.record(powerCycle);
            log.record(refused);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"ts\":\"2026-05-01T10:00:00Z\",\"actor\":\"nas\",\"action\":\"power_cycle\"")
                .contains("\"outcome\":\"accepted\"", "\"details\":{");
        assertThat(JsonLinesAuditLog.readAll(file)).containsExactly(powerCycle, refused);
    }

    @Test
    void appendsToTheFileLeftByAnEarlierRun() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditLog first = JsonLinesAuditLog.at(file)) {
            first.record(entry(1));
        }
        try (JsonLinesAuditLog second = JsonLinesAuditLog.at(file)) {
            second.record(entry(2));
        }

        assertThat(JsonLinesAuditLog.readAll(file)).containsExactly(entry(1), entry(2));
    }

    @Test
    void rotatesAtTheSizeAndKeepsOnlyTheNewestFiles() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditLog log = new JsonLinesAuditLog(file, 1024, 3, false)) {
            for (int i = 0; i < 200; i++) {
                log.record(entry(i));
            }
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3");
        }
        for (String name : List.of("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3")) {
            assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(1024);
        }
        List<AuditEntry> kept = JsonLinesAuditLog.readAll(file);
        assertThat(kept).last().isEqualTo(entry(199));
        assertThat(kept).doesNotContain(entry(0));
        int first = Integer.parseInt(kept.get(0).details().get("n"));
        assertThat(kept).containsExactlyElementsOf(IntStream.range(first, 200).mapToObj(this::entry).toList());
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JsonLinesAuditLog log = new JsonLinesAuditLog(file, 1 << 20, 2, false)) {
            List<Future<?>> writers = IntStream.range(0, 4).<Future<?>>mapToObj(w -> pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    log.record(entry(w * 1000 + i));
                }
            })).toList();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(JsonLinesAuditLog.readAll(file)).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void skipsALineTornByACrash() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditLog log = JsonLinesAuditLog.at(file)) {
            log.record(entry(1));
        }
        Files.writeString(file, "{\"ts\":\"2026-05-01T10:0", java.nio.file.StandardOpenOption.APPEND);

        assertThat(JsonLinesAuditLog.readAll(file)).containsExactly(entry(1));
    }

    @Test
    void aFileThatCannotBeWrittenFailsLoudlyNamingIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("audit.jsonl");

        try (JsonLinesAuditLog log = JsonLinesAuditLog.at(file)) {
            assertThatThrownBy(() -> log.record(entry(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        assertThatThrownBy(() -> new JsonLinesAuditLog(dir.resolve("a"), 10, 3, true)).hasMessageContaining("10");
        assertThatThrownBy(() -> new JsonLinesAuditLog(dir.resolve("a"), 4096, 0, true)).hasMessageContaining("0");
    }

    private AuditEntry entry(int n) {
        return new AuditEntry(T0.plusSeconds(n), "nas", "probe", "haos-primary", AuditEntry.Outcome.ACCEPTED,
                "supervisor ok", Map.of("n", Integer.toString(n)));
    }
}

package io.piha.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.audit.AuditEntry;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTailTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private static AuditEntry entry(int i) {
        return new AuditEntry(T.plusSeconds(i), "nas", "verify", "home-assistant", AuditEntry.Outcome.ACCEPTED,
                "decision " + i, Map.of());
    }

    @Test
    void theTailOfAHugeTrailIsReadWithinItsBudget() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(4L * 1024 * 1024 * 1024); // four GiB of (sparse) history before the newest entries
        }
        StringBuilder newest = new StringBuilder("\n");
        for (int i = 0; i < 300; i++) {
            newest.append(AuditJsonLine.format(entry(i))).append('\n');
        }
        Files.writeString(file, newest, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AuditTail tail = AuditTail.read(file, 100, 64 * 1024);

        assertThat(tail.bytesRead()).isLessThanOrEqualTo(64 * 1024);
        assertThat(tail.entries()).hasSize(100);
        assertThat(tail.entries().get(0).reason()).isEqualTo("decision 200");
        assertThat(tail.entries().get(99).reason()).isEqualTo("decision 299");
    }

    @Test
    void aShortCurrentFileIsCompletedFromTheRotatedOnesOldestFirst() {
        JsonLinesAuditLog log = new JsonLinesAuditLog(dir.resolve("audit.jsonl"), 1024, 3, false);
        for (int i = 0; i < 40; i++) {
            log.record(entry(i));
        }
        log.close();

        AuditTail tail = AuditTail.read(dir.resolve("audit.jsonl"), 12, 1 << 20);

        assertThat(tail.entries()).extracting(AuditEntry::reason).first().isEqualTo("decision 28");
        assertThat(tail.entries()).extracting(AuditEntry::reason).last().isEqualTo("decision 39");
        assertThat(tail.entries()).hasSize(12);
    }

    @Test
    void aLineCutByTheBudgetOrTornByACrashIsSkipped() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, AuditJsonLine.format(entry(1)) + "\n" + AuditJsonLine.format(entry(2)) + "\n{\"ts\":\"2026-");

        AuditTail all = AuditTail.read(file, 10, 1 << 20);
        AuditTail cut = AuditTail.read(file, 10, AuditJsonLine.format(entry(2)).length() + 20);

        assertThat(all.entries()).extracting(AuditEntry::reason).containsExactly("decision 1", "decision 2");
        assertThat(cut.entries()).extracting(AuditEntry::reason).containsExactly("decision 2");
    }

    @Test
    void routineEntriesCanBeLeftOutSoThatSparseDecisionsAreNotCrowdedOut() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        StringBuilder trail = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            AuditEntry e = i % 100 == 0 ? entry(i) : new AuditEntry(T.plusSeconds(i), "nas", "observe_heartbeat",
                    "home-assistant", AuditEntry.Outcome.ROUTINE, "heartbeat", Map.of());
            trail.append(AuditJsonLine.format(e)).append('\n');
        }
        Files.writeString(file, trail);

        AuditTail decisions = AuditTail.read(file, 5, 1 << 20, e -> e.outcome() != AuditEntry.Outcome.ROUTINE);

        assertThat(decisions.entries()).extracting(AuditEntry::reason)
                .containsExactly("decision 500", "decision 600", "decision 700", "decision 800", "decision 900");
    }

    @Test
    void noTrailIsAnEmptyTail() {
        assertThat(AuditTail.read(dir.resolve("none.jsonl"), 10, 100).entries()).isEmpty();
    }
}

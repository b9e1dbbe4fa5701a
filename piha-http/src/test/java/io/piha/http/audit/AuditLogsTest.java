package io.piha.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.audit.AuditEntry;
import io.piha.http.audit.AuditConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogsTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredLogWritesTheFileAndClosesIt() {
        Path file = dir.resolve("piha-control/audit.jsonl");
        AuditEntry entry = new AuditEntry(Instant.parse("2026-05-01T10:00:00Z"), "nas", "freeze", "home-assistant",
                AuditEntry.Outcome.ACCEPTED, "operator: drill week", Map.of());

        try (CompositeAuditLog log = AuditLogs.open(new AuditConfig(file, 4096, 2, true, true))) {
            log.record(entry);
        }

        assertThat(JsonLinesAuditLog.readAll(file)).containsExactly(entry);
    }
}

package io.piha.http.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.audit.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

class Slf4jAndCompositeAuditLogTest {

    private static final AuditEntry GRANTED = new AuditEntry(Instant.parse("2026-05-01T10:02:30Z"), "nas",
            "grant", "home-assistant", AuditEntry.Outcome.ACCEPTED, "haos-primary confirmed dead",
            Map.of("epoch", "8", "new_leader", "ha-standby"));
    private static final AuditEntry REFUSED = new AuditEntry(Instant.parse("2026-05-01T10:03:00Z"), "nas",
            "promote", "home-assistant", AuditEntry.Outcome.REFUSED, "frozen", Map.of());

    private final LinkedBlockingQueue<SubstituteLoggingEvent> events = new LinkedBlockingQueue<>();
    private final SubstituteLogger target = new SubstituteLogger(Slf4jAuditLog.LOGGER, events, false);
    private final Slf4jAuditLog slf4j = new Slf4jAuditLog(new EventRecordingLogger(target, events));

    @TempDir
    Path dir;

    @Test
    void acceptedEntriesAreInfoRefusedOnesWarnAndRoutineOnesDebugWithActorActionSubjectAndReason() {
        slf4j.record(GRANTED);
        slf4j.record(REFUSED);
        slf4j.record(new AuditEntry(Instant.parse("2026-05-01T10:04:00Z"), "agent:ha-standby", "heartbeat",
                "home-assistant", AuditEntry.Outcome.ROUTINE, "heartbeat ha-standby-1 at epoch 8", Map.of()));

        List<SubstituteLoggingEvent> logged = new ArrayList<>(events);
        assertThat(logged).extracting(SubstituteLoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN, Level.DEBUG);
        assertThat(formatted(logged.get(0))).contains("nas grant home-assistant accepted: haos-primary confirmed dead",
                "new_leader=ha-standby");
        assertThat(formatted(logged.get(1))).contains("nas promote home-assistant refused: frozen");
    }

    @Test
    void compositeWritesToEveryLog() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditLog json = JsonLinesAuditLog.at(file)) {
            CompositeAuditLog.of(json, slf4j).record(GRANTED);
        }

        assertThat(JsonLinesAuditLog.readAll(file)).containsExactly(GRANTED);
        assertThat(events).hasSize(1);
    }

    @Test
    void compositeStillWritesTheOthersWhenOneFailsAndThenSaysSo() throws Exception {
        Path broken = Files.writeString(dir.resolve("plain-file"), "x").resolve("audit.jsonl");
        try (JsonLinesAuditLog failing = JsonLinesAuditLog.at(broken)) {
            CompositeAuditLog composite = CompositeAuditLog.of(failing, slf4j);

            assertThatThrownBy(() -> composite.record(GRANTED))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 of 2 logs")
                    .hasMessageContaining(broken.toString());
        }
        assertThat(events).hasSize(1);
    }

    private static String formatted(SubstituteLoggingEvent event) {
        return MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage();
    }
}

package io.piha.http.status;

import static io.piha.http.status.SampleStatus.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJournalTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    private final EventJournal journal = new EventJournal(50, Set.of("haos-primary", "ha-standby"), new StatusCounters());

    @Test
    void routineHeartbeatsAreCountedWithTheirLastTimeAndNeverListed() {
        for (int i = 0; i < 1000; i++) {
            journal.record(entry(T.plusSeconds(i), "observe_heartbeat", AuditEntry.Outcome.ROUTINE, "heartbeat of haos-primary"));
        }
        journal.record(new AuditEntry(T.plusSeconds(5), "agent:ha-standby", "renew", "home-assistant",
                AuditEntry.Outcome.ROUTINE, "lease renewed", Map.of("host", "ha-standby")));

        assertThat(journal.events()).isEmpty();
        assertThat(journal.routine()).containsExactly(
                new RoutineSummary("observe_heartbeat", "home-assistant", Optional.empty(), 1000, T, T.plusSeconds(999)),
                new RoutineSummary("renew", "home-assistant", Optional.of("ha-standby"), 1, T.plusSeconds(5), T.plusSeconds(5)));
    }

    @Test
    void aDecisionTakesTheSeverityOfTheAlertsItRaisedInEitherOrder() {
        journal.record(entry(T, "verify", AuditEntry.Outcome.ACCEPTED, "haos-primary silent for 90 s"));
        journal.send(Alert.of(T, AlertCodes.HEARTBEAT_MISSED, Severity.WARNING, "home-assistant", "haos-primary missed"));
        journal.send(Alert.of(T.plusSeconds(1), AlertCodes.POE_RESET, Severity.WARNING, "home-assistant", "cycling haos-primary"));
        journal.record(entry(T.plusSeconds(1), "power_cycle", AuditEntry.Outcome.ACCEPTED, "haos-primary unreachable"));

        assertThat(journal.events()).hasSize(2);
        RecentEvent reset = journal.events().get(0);
        assertThat(reset.severity()).isEqualTo(Severity.WARNING);
        assertThat(reset.text()).isEqualTo("nas power_cycle accepted: haos-primary unreachable");
        assertThat(reset.codes()).containsExactly("poe_reset");
        assertThat(reset.notes()).containsExactly("cycling haos-primary");
        RecentEvent missed = journal.events().get(1);
        assertThat(missed.severity()).isEqualTo(Severity.WARNING);
        assertThat(missed.codes()).containsExactly("heartbeat_missed");
        assertThat(missed.hosts()).containsExactly("haos-primary");
    }

    @Test
    void anAlertOfAnotherSubjectOrInstantStandsAloneAtItsOwnSeverity() {
        journal.record(entry(T, "grant", AuditEntry.Outcome.ACCEPTED, "granted epoch 8 to ha-standby"));
        journal.send(Alert.of(T, "poe_port_left_off", Severity.CRITICAL, "rack/haos-primary", "port left off"));

        assertThat(journal.events()).extracting(RecentEvent::severity).containsExactly(Severity.CRITICAL, Severity.INFO);
        assertThat(journal.counters().samples()).containsExactly(new Counter(StatusCounters.ALERTS,
                Map.of("code", "poe_port_left_off", "severity", "critical"), 1));
    }

    @Test
    void refusedAndFailedDecisionsAreWarnings() {
        journal.record(entry(T, "promote", AuditEntry.Outcome.REFUSED, "ha-standby already leads"));
        journal.record(entry(T.plusSeconds(1), "power_cycle", AuditEntry.Outcome.FAILED, "switch did not answer"));
        journal.record(entry(T.plusSeconds(2), "freeze", AuditEntry.Outcome.ACCEPTED, "drill week"));

        assertThat(journal.events()).extracting(RecentEvent::severity)
                .containsExactly(Severity.INFO, Severity.WARNING, Severity.WARNING);
    }

    @Test
    void itKeepsOnlyTheNewestEventsWhateverCameBefore() {
        for (int i = 0; i < 10_000; i++) {
            journal.record(entry(T.plusSeconds(i), "verify", AuditEntry.Outcome.ACCEPTED, "decision " + i));
        }

        assertThat(journal.events()).hasSize(50);
        assertThat(journal.events().get(0).text()).endsWith("decision 9999");
        assertThat(journal.events().get(49).text()).endsWith("decision 9950");
    }

    @Test
    void eventsNameTheHostsTheyMentionAndNoHostWhoseNameMerelyStartsTheSame() {
        EventJournal hosts = new EventJournal(10, Set.of("haos-primary", "haos-primary-2"), new StatusCounters());
        hosts.record(entry(T, "verify", AuditEntry.Outcome.ACCEPTED, "haos-primary-2 silent"));
        hosts.record(entry(T.plusSeconds(1), "verify", AuditEntry.Outcome.ACCEPTED, "haos-primary silent."));

        assertThat(hosts.events()).extracting(RecentEvent::hosts)
                .containsExactly(Set.of("haos-primary"), Set.of("haos-primary-2"));
    }
}

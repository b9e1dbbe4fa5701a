package io.piha.http.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GroupingAlertSinkTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final List<Alert> delivered = new CopyOnWriteArrayList<>();
    private final GroupingAlertSink sink = new GroupingAlertSink(delivered::add, WINDOW, 3, clock);

    @Test
    void aFlappingHostSendsThreeAlertsAndThenOneSummaryInsteadOfAHundred() {
        for (int i = 0; i < 100; i++) {
            sink.send(flap("haos-primary", Severity.WARNING, i));
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(delivered).hasSize(3);

        clock.advance(WINDOW);
        sink.flush();

        assertThat(delivered).hasSize(4);
        Alert summary = delivered.get(3);
        assertThat(summary.code()).isEqualTo("host_flapping");
        assertThat(summary.subject()).isEqualTo("haos-primary");
        assertThat(summary.details()).containsEntry(GroupingAlertSink.SUPPRESSED_DETAIL, "97");
        assertThat(summary.message()).startsWith("97 more 'host_flapping' alerts about haos-primary suppressed")
                .endsWith("flap 99");
    }

    @Test
    void theSummaryComesBeforeTheFirstAlertOfTheNextWindow() {
        for (int i = 0; i < 5; i++) {
            sink.send(flap("haos-primary", Severity.WARNING, i));
        }
        clock.advance(WINDOW);
        sink.send(flap("haos-primary", Severity.WARNING, 5));

        assertThat(delivered).extracting(Alert::message).containsExactly("flap 0", "flap 1", "flap 2",
                delivered.get(3).message(), "flap 5");
        assertThat(delivered.get(3).details()).containsEntry(GroupingAlertSink.SUPPRESSED_DETAIL, "2");
    }

    @Test
    void theSummaryCarriesTheWorstSeverityItSuppressed() {
        for (int i = 0; i < 3; i++) {
            sink.send(flap("haos-primary", Severity.INFO, i));
        }
        sink.send(flap("haos-primary", Severity.CRITICAL, 3));
        sink.send(flap("haos-primary", Severity.WARNING, 4));
        clock.advance(WINDOW);
        sink.flush();

        assertThat(delivered).last().extracting(Alert::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void groupsAreKeptApartByCodeAndSubject() {
        for (int i = 0; i < 5; i++) {
            sink.send(flap("haos-primary", Severity.WARNING, i));
            sink.send(flap("ha-standby", Severity.WARNING, i));
            sink.send(Alert.of(clock.instant(), "probe_failed", Severity.WARNING, "haos-primary", "probe " + i));
        }

        assertThat(delivered).hasSize(9);
    }

    @Test
    void aQuietGroupSendsNoSummaryAndIsForgotten() {
        sink.send(flap("haos-primary", Severity.WARNING, 0));
        clock.advance(WINDOW);
        sink.flush();
        sink.flush();

        assertThat(delivered).hasSize(1);
    }

    @Test
    void rejectsAnEmptyBudget() {
        assertThatThrownBy(() -> new GroupingAlertSink(delivered::add, WINDOW, 0, clock))
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> new GroupingAlertSink(delivered::add, Duration.ZERO, 3, clock))
                .hasMessageContaining("PT0S");
    }

    private Alert flap(String host, Severity severity, int i) {
        return Alert.of(clock.instant(), "host_flapping", severity, host, "flap " + i);
    }
}

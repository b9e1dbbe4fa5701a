package io.piha.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"500ms, PT0.5S", "90s, PT1M30S", "10m, PT10M", "24h, PT24H", "2d, PT48H", "1h30m, PT1H30M",
        "1m30s250ms, PT1M30.25S", "PT10M, PT10M", "p2d, PT48H", " 5S , PT5S"})
    void theOneGrammarReadsShortFormsAndIso(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "90", "s", "-5s", "5 s", "10min", "30m1h", "5s5s", "PT-5S", "soon", "1.5s"})
    void anythingElseIsRefusedNamingTheTextAndTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration: write " + Durations.FORMS);
    }

    @ParameterizedTest(name = "zero as {0} is refused where a positive duration is needed")
    @ValueSource(strings = {"0s", "0ms", "PT0S"})
    void zeroIsRefusedWhereAPositiveDurationIsNeeded(String text) {
        assertThat(Durations.parse(text)).isZero();
        assertThatThrownBy(() -> Durations.parsePositive(text)).hasMessageContaining("must be longer than zero");
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"PT0.0495S, 49 ms", "PT1.5S, 1.5 s", "PT90S, 90 s", "PT10M, 10 min", "PT1H30M, 1 h 30 min",
        "PT48H, 2 d", "PT3M1S, 181 s", "PT5S, 5 s"})
    void durationsAreFormattedForPeople(Duration d, String text) {
        assertThat(Durations.format(d)).isEqualTo(text);
    }
}

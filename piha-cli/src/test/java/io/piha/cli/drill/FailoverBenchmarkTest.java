package io.piha.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark's rows measure what they say (their figures are not checked against targets here: that is the bench). */
class FailoverBenchmarkTest {

    @Test
    @DisplayName("the fenced row measures a real fenced failover, never less than the configured waits after the last heartbeat")
    void theFencedRowMeasuresAFencedFailoverEndToEnd() {
        StringWriter out = new StringWriter();

        FailoverBenchmark.runFenced(new PrintWriter(out, true), 1);

        Matcher m = Pattern.compile("standby acting \\(fenced, leased\\): p50 (\\d+) ms").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        DrillHome.Pace pace = DrillHome.Pace.ONE_SECOND;
        // timed from the hang; the heartbeat timeout runs from the last heartbeat, at most one interval before it
        long nominal = pace.timeout().plus(DrillHome.OFF_TIME).plus(pace.recoveryWait()).minus(pace.heartbeat()).toMillis();
        assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(nominal);
    }
}

package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics} read back by the strict {@link PrometheusText} reader, and Prometheus' naming conventions. */
class MetricsFormatTest {

    private final Map<String, PrometheusText.Family> families =
            PrometheusText.parse(StatusMetrics.render(SampleStatus.failoverInProgress()));

    @Test
    void theMetricsOfAnEstateInAFailoverFollowTheTextFormat() {
        assertThat(families.keySet()).as("every family exported, none unlisted")
                .containsExactlyElementsOf(StatusMetrics.FAMILIES);
        families.values().forEach(f -> {
            assertThat(f.help()).as("HELP of %s", f.name()).isNotBlank();
            assertThat(f.type()).as("TYPE of %s", f.name()).isIn("gauge", "counter");
        });
    }

    @Test
    void countersEndInTotalAndNothingElseDoes() {
        families.values().forEach(f -> assertThat(f.name().endsWith("_total")).as(f.name())
                .isEqualTo(f.type().equals("counter")));
        families.values().stream().filter(f -> f.type().equals("counter")).flatMap(f -> f.samples().stream())
                .forEach(s -> assertThat(s.value()).as("%s", s).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(s.value())));
    }

    @Test
    void infoMetricsAreOneAndDurationsAreInSeconds() {
        families.values().stream().filter(f -> f.name().endsWith("_info")).flatMap(f -> f.samples().stream())
                .forEach(s -> assertThat(s.value()).as("%s", s).isEqualTo(1.0));
        families.keySet().stream().filter(n -> n.contains("age") || n.contains("latency") || n.contains("offset")
                || n.contains("remaining")).forEach(n -> assertThat(n).endsWith("_seconds"));
    }

    @Test
    void theLeaderIsALabelOfItsInfoMetric() {
        assertThat(families.get("piha_leader_info").samples()).extracting(PrometheusText.Sample::labels)
                .containsExactly(Map.of("service", "home-assistant", "host", "haos-primary"),
                        Map.of("service", "node-red", "host", "ha-standby"));
    }

    @Test
    void aHostNeverProbedHasNoUpSampleButAKnownGaugeOfZero() {
        assertThat(families.get("piha_host_up").samples()).noneMatch(s -> s.labels().equals(
                Map.of("service", "node-red", "host", "ha-standby")));
        assertThat(families.get("piha_host_up_known").samples()).anyMatch(s -> s.labels().equals(
                Map.of("service", "node-red", "host", "ha-standby")) && s.value() == 0);
    }

    @Test
    void anEmptyEstateIsAValidExpositionToo() {
        assertThat(PrometheusText.parse(StatusMetrics.render(SampleStatus.empty())).keySet())
                .containsExactlyElementsOf(StatusMetrics.FAMILIES);
    }

    @Test
    void theReaderRefusesWhatPrometheusRefuses() {
        Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put("no final newline", "# TYPE a gauge\na 1");
        broken.put("bad metric name", "# TYPE 1a gauge\n");
        broken.put("unknown type", "# TYPE a meter\n");
        broken.put("second TYPE", "# TYPE a gauge\n# TYPE a gauge\n");
        broken.put("TYPE after samples", "a 1\n# TYPE a gauge\n");
        broken.put("split family", "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"y\"} 2\n");
        broken.put("bad escape", "# TYPE a gauge\na{x=\"\\t\"} 1\n");
        broken.put("unclosed value", "# TYPE a gauge\na{x=\"y} 1\n");
        broken.put("reserved label", "# TYPE a gauge\na{__name__=\"y\"} 1\n");
        broken.put("label twice", "# TYPE a gauge\na{x=\"1\",x=\"2\"} 1\n");
        broken.put("series twice", "# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n");
        broken.put("bad value", "# TYPE a gauge\na 1,5\n");
        broken.put("bad timestamp", "# TYPE a gauge\na 1 soon\n");
        broken.forEach((rule, text) -> assertThatThrownBy(() -> PrometheusText.parse(text)).as(rule)
                .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void theReaderTakesWhatTheFormatAllows() {
        var read = PrometheusText.parse("# a comment\n# HELP a say \\\\ and \\n\n# TYPE a gauge\na{x=\"q\\\"\\n\",} +Inf 1700000000000\n"
                + "a NaN\n\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 3\nh_sum 1.5e3\nh_count 3\n");
        assertThat(read.get("a").samples()).hasSize(2);
        assertThat(read.get("a").samples().get(0).labels()).containsEntry("x", "q\"\n");
        assertThat(read.get("h").samples()).hasSize(3);
    }
}

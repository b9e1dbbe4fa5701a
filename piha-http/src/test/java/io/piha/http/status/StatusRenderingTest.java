package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusRenderingTest {

    private final StatusSnapshot snapshot = SampleStatus.failoverInProgress();

    @Test
    void pageShowsLeaderEpochPhaseFreezeHeartbeatQueuedActionsAndEvents() {
        String html = StatusPage.render(snapshot);

        assertThat(html).contains("<h3>home-assistant<span class=\"badge busy\">awaiting_recovery</span>",
                "<dt>Epoch</dt><dd>7</dd>", "2 min 5 s ago", "<span class=\"badge frozen\">frozen</span>",
                "confirm haos-primary is dead, then check ha-standby", "in 35 s",
                "10.0.0.5:4357 no answer within 5000 ms", "<span class=\"dot unreachable\">",
                "standby branch 3 commits behind", "nas power_cycle accepted");
    }

    @Test
    void pageEscapesEveryValue() {
        String html = StatusPage.render(snapshot);

        assertThat(html).doesNotContain("<script>", "<lab>", "& \"bad\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "home &lt;lab&gt;",
                        "HTTP 502 &amp; &quot;bad&quot;");
    }

    @Test
    void anEmptyEstateStillRenders() {
        assertThat(StatusPage.render(SampleStatus.empty())).contains("Nothing queued.", "No events yet.",
                "not configured");
        assertThat(StatusMetrics.render(SampleStatus.empty())).contains("# TYPE piha_leader_epoch gauge");
    }

    @Test
    void jsonCarriesTheSameContent() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StatusJson.render(snapshot));

        assertThat(json.get("generated_at").asText()).isEqualTo("2026-05-01T10:02:00Z");
        JsonNode ha = json.get("services").get(0);
        assertThat(ha.get("leader").asText()).isEqualTo("haos-primary");
        assertThat(ha.get("epoch").asLong()).isEqualTo(7);
        assertThat(ha.get("phase").asText()).isEqualTo("awaiting_recovery");
        assertThat(ha.get("frozen").asBoolean()).isFalse();
        assertThat(ha.get("heartbeat_age_s").asDouble()).isEqualTo(125.0);
        assertThat(ha.get("next_action").get("at").asText()).isEqualTo("2026-05-01T10:02:35Z");
        assertThat(json.get("services").get(1).get("next_action").isNull()).isTrue();
        JsonNode primary = json.get("hosts").get(0);
        assertThat(primary.get("health").asText()).isEqualTo("unreachable");
        assertThat(primary.get("probe_latency_ms").asLong()).isEqualTo(5000);
        assertThat(json.get("hosts").get(2).get("last_seen").isNull()).isTrue();
        assertThat(json.get("recent_events")).hasSize(3);
        assertThat(json.get("config_sync").asText()).startsWith("standby branch");
    }

    @Test
    void metricsFollowThePrometheusTextFormat() {
        String metrics = StatusMetrics.render(snapshot);

        assertThat(metrics).contains(
                "# TYPE piha_leader_epoch gauge\n",
                "piha_leader_epoch{service=\"home-assistant\"} 7\n",
                "piha_leader_epoch{service=\"node-red\"} 3\n",
                "piha_heartbeat_age_seconds{service=\"home-assistant\"} 125\n",
                "piha_frozen{service=\"home-assistant\"} 0\n",
                "piha_frozen{service=\"node-red\"} 1\n",
                "piha_failover_in_progress{service=\"home-assistant\"} 1\n",
                "piha_next_action_seconds{service=\"home-assistant\"} 35\n",
                "piha_host_up{host=\"haos-primary\"} 0\n",
                "piha_host_up{host=\"ha-standby\"} 1\n",
                "piha_host_probe_latency_seconds{host=\"ha-standby\"} 0.042\n");
        assertThat(metrics).doesNotContain("piha_host_last_seen_age_seconds{host=\"zigbee-pi\"}");
        for (String line : metrics.split("\n")) {
            assertThat(line).matches("# (HELP|TYPE) piha_[a-z_]+ .+|piha_[a-z_]+\\{[a-z]+=\"[^\"]*\"\\} -?[0-9.]+");
        }
    }

    @Test
    void metricLabelsAreEscaped() {
        assertThat(StatusMetrics.escapeLabel("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void agesReadLikeAPersonWouldSayThem() {
        assertThat(Html.age(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Html.age(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Html.age(Duration.ofMinutes(124))).isEqualTo("2 h 4 min");
        assertThat(Html.age(Duration.ofHours(73))).isEqualTo("3 d 1 h");
        assertThat(Html.age(Duration.ofSeconds(-35))).isEqualTo("in 35 s");
    }
}

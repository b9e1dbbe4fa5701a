package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.alert.Severity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusRenderingTest {

    private final StatusSnapshot snapshot = SampleStatus.failoverInProgress();

    @Test
    void pageShowsLeaderEpochPhaseFreezeWithItsReasonHeartbeatQueuedActionsAndEvents() {
        String html = StatusPage.render(snapshot);

        assertThat(html).contains("<h3>home-assistant<span class=\"badge busy\">awaiting_recovery</span>",
                "<dt>Epoch</dt><dd>7</dd>", "2 min 5 s ago", "<span class=\"badge frozen\">frozen</span>",
                "<dt>Frozen</dt><dd>frozen by operator: drill week</dd>",
                "confirm haos-primary is dead, then check ha-standby", "in 35 s",
                "10.0.0.5:4357 no answer within 5000 ms", "<span class=\"dot unreachable\">",
                "standby branch 3 commits behind", "nas power_cycle accepted");
    }

    @Test
    void theFailoversStepsShowAtTheirAlertsSeverityAndHeartbeatsAreCountedNotListed() {
        String html = StatusPage.render(snapshot);

        assertThat(html).contains("<span class=\"sev warning\">warning</span></td><td>home-assistant</td><td>"
                        + "<span class=\"code\">poe_reset</span>nas power_cycle accepted",
                "<span class=\"code\">heartbeat_missed</span>nas verify accepted",
                "<div class=\"note\">haos-primary missed its heartbeat for 90 s (epoch 7)</div>",
                "<td>observe_heartbeat</td><td>home-assistant</td><td>–</td><td>40 <span class=\"muted\">since");
        assertThat(html).doesNotContain("observe_heartbeat routine");
        assertThat(snapshot.recentEvents()).hasSize(3);
    }

    @Test
    void eachHostShowsLivenessHealthLastHeartbeatEpochClockOffsetAndKind() {
        String html = StatusPage.render(snapshot);

        assertThat(html).contains("<td>v1</td><td><span class=\"sev-warning\">silent for 2 min 5 s</span></td>",
                "<td>7</td><td>-6.10 s</td>", "<td>agent</td><td>heartbeating</td>", "+0.25 s",
                "<span class=\"muted\">not heard</span>", "<span class=\"muted\">none since start-up</span>");
    }

    @Test
    void switchesShowPortsCooldownsBreakersPortsHeldOffAndLastActions() {
        String html = StatusPage.render(snapshot);

        assertThat(html).contains("<h2>Switches and PoE</h2>", "rack-switch <span class=\"muted\">1 of 4 actions used in 1 h 0 min",
                "until 2026-05-01 10:11:35 UTC", "open until 2026-05-01 11:02:00 UTC", "(3 failed)",
                "<td class=\"off\">held off (fenced) since 2 h 0 min ago</td>", "nas <span class=\"muted\">(protected)",
                "rack-switch/haos-primary: arbiter power_cycle accepted: haos-primary silent");
    }

    @Test
    void eventsFilterByHostAndSeverity() {
        EventFilter warnings = EventFilter.parse("severity=warning");
        EventFilter standby = EventFilter.parse("host=ha-standby");
        EventFilter primaryWarnings = EventFilter.parse("host=haos-primary&severity=WARNING");

        assertThat(snapshot.events(warnings, 40)).extracting(RecentEvent::severity).containsOnly(Severity.WARNING).hasSize(2);
        assertThat(snapshot.events(standby, 40)).isEmpty();
        assertThat(snapshot.events(primaryWarnings, 40)).hasSize(2);
        assertThat(StatusPage.render(snapshot, standby)).contains("No event matches this filter.",
                "<a href=\"/?host=ha-standby\" class=\"on\">ha-standby</a>");
        assertThat(primaryWarnings.query()).isEqualTo("?host=haos-primary&severity=warning");
    }

    @Test
    void aBadFilterSaysWhichValueIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventFilter.parse("severity=urgent"))
                .hasMessage("severity 'urgent' is not one of info, warning, critical");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventFilter.parse("host="))
                .hasMessageContaining("host= needs a host id");
        assertThat(EventFilter.parse("refresh=1")).isEqualTo(EventFilter.ALL);
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
                "not configured", "No switch configured", "None counted yet.");
        assertThat(StatusMetrics.render(SampleStatus.empty())).contains("# TYPE piha_leader_epoch gauge",
                "# TYPE piha_failovers_total counter");
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
        assertThat(ha.get("freeze_reason").isNull()).isTrue();
        assertThat(json.get("services").get(1).get("freeze_reason").asText()).isEqualTo("frozen by operator: drill week");
        assertThat(ha.get("heartbeat_age_s").asDouble()).isEqualTo(125.0);
        assertThat(ha.get("next_action").get("at").asText()).isEqualTo("2026-05-01T10:02:35Z");
        JsonNode primary = json.get("hosts").get(0);
        assertThat(primary.get("health").asText()).isEqualTo("unreachable");
        assertThat(primary.get("liveness").asText()).isEqualTo("silent");
        assertThat(primary.get("kind").asText()).isEqualTo("v1");
        assertThat(primary.get("clock_offset_s").asDouble()).isEqualTo(-6.1);
        assertThat(primary.get("last_heartbeat_age_s").asDouble()).isEqualTo(125.0);
        assertThat(json.get("hosts").get(2).get("last_seen").isNull()).isTrue();
        assertThat(json.get("recent_events")).hasSize(3);
        assertThat(json.get("recent_events").get(0).get("codes").get(0).asText()).isEqualTo("poe_reset");
        assertThat(json.get("routine").get(0).get("count").asLong()).isEqualTo(40);
        assertThat(json.get("switches").get(0).get("ports").get(2).get("off").asText()).isEqualTo("held_off");
        assertThat(json.get("config_sync").asText()).startsWith("standby branch");
        assertThat(new ObjectMapper().readTree(StatusJson.render(snapshot, EventFilter.parse("severity=critical")))
                .get("recent_events")).isEmpty();
    }

    @Test
    void metricsNameTheLeaderCountSinceStartAndLeaveTheUnknownOut() {
        String metrics = StatusMetrics.render(snapshot);

        assertThat(metrics).contains(
                "piha_leader_epoch{service=\"home-assistant\"} 7\n",
                "piha_leader_info{service=\"home-assistant\",host=\"haos-primary\"} 1\n",
                "piha_heartbeat_age_seconds{service=\"home-assistant\"} 125\n",
                "piha_frozen{service=\"node-red\"} 1\n",
                "piha_next_action_seconds{service=\"home-assistant\"} 35\n",
                "piha_host_up{service=\"home-assistant\",host=\"haos-primary\"} 0\n",
                "piha_host_up{service=\"home-assistant\",host=\"ha-standby\"} 1\n",
                "piha_host_up_known{service=\"node-red\",host=\"ha-standby\"} 0\n",
                "piha_host_clock_offset_seconds{service=\"home-assistant\",host=\"haos-primary\"} -6.100\n",
                "piha_host_heartbeating{service=\"home-assistant\",host=\"haos-primary\"} 0\n",
                "piha_poe_port_off{switch=\"rack-switch\",port=\"zigbee-pi\",state=\"held_off\"} 1\n",
                "piha_poe_breaker_open{switch=\"rack-switch\",port=\"ha-standby\"} 1\n",
                "# TYPE piha_failovers_total counter\n",
                "piha_failovers_total{service=\"home-assistant\"} 0\n",
                "piha_alerts_total{code=\"heartbeat_missed\",severity=\"warning\"} 2\n",
                "piha_alerts_total{code=\"poe_reset\",severity=\"warning\"} 1\n",
                "piha_poe_actions_total{switch=\"rack-switch\",action=\"power_cycle\",outcome=\"done\"} 1\n");
        assertThat(metrics).as("never probed: no 0 that reads as down")
                .doesNotContain("piha_host_up{service=\"node-red\",host=\"ha-standby\"}")
                .doesNotContain("piha_host_heartbeating{service=\"node-red\",host=\"zigbee-pi\"}")
                .doesNotContain("piha_poe_breaker_open{switch=\"rack-switch\",port=\"nas\"}");
    }

    @Test
    void metricLabelsAreEscaped() {
        assertThat(StatusMetrics.escapeLabel("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void agesAndOffsetsReadLikeAPersonWouldSayThem() {
        assertThat(Html.age(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Html.age(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Html.age(Duration.ofMinutes(124))).isEqualTo("2 h 4 min");
        assertThat(Html.age(Duration.ofHours(73))).isEqualTo("3 d 1 h");
        assertThat(Html.age(Duration.ofSeconds(-35))).isEqualTo("in 35 s");
        assertThat(Html.offset(Duration.ofMillis(-6100))).isEqualTo("-6.10 s");
        assertThat(Optional.of(Html.offset(Duration.ZERO))).hasValue("+0.00 s");
    }
}

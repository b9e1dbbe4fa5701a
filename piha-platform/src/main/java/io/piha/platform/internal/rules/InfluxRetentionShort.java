package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.yaml.YamlScalar;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** V6: InfluxDB retention shorter than the minimum (two years by default). */
final class InfluxRetentionShort implements AuditRule {

    static final Rule RULE = new Rule("influxdb-retention-short", Severity.CRITICAL, Phase.METRICS,
            "InfluxDB keeps metrics for less than the minimum",
            "The seed keeps energy, climate and sensor history for multiple years; a short retention deletes it "
                    + "for good, every day.",
            "Set a multi-year retention (e.g. 1825d) or 0 (infinite) on the bucket, with a shard duration suited "
                    + "to a Raspberry Pi (e.g. 7d), and document the expected storage growth.",
            Optional.of("V6"), "Long-Term Metrics: retain metrics for multiple years; explicit retention policy");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Duration minimum = p.options().minimumInfluxRetention();
        p.remoteReleases(App.INFLUXDB).forEach(r -> ValuesWalk.walk(r.values(), (key, value, parent) -> {
            String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if ((k.endsWith("retention") || k.endsWith("retentionpolicy") || k.endsWith("retentionperiod"))
                    && value instanceof YamlScalar s) {
                judge(s, r.describe(), minimum, findings);
            }
        }));
        p.running(App.INFLUXDB).forEach(w -> {
            for (Container c : w.containers()) {
                c.node().seq("env").ifPresent(env -> env.maps()
                        .filter(e -> e.text("name").filter("DOCKER_INFLUXDB_INIT_RETENTION"::equals).isPresent())
                        .forEach(e -> e.scalar("value").ifPresent(s -> judge(s, w.describe(), minimum, findings))));
            }
        });
    }

    private static void judge(YamlScalar s, String what, Duration minimum, Findings findings) {
        Optional<Duration> retention = Durations.parse(s.text());
        if (retention.isEmpty()) {
            findings.add(RULE, s.location(), what + " sets retention '" + s.text()
                    + "', which is not a duration this audit reads (use e.g. 1825d, 260w or 0 for infinite)");
        } else if (retention.get().compareTo(minimum) < 0) {
            findings.add(RULE, s.location(), what + " keeps metrics for " + s.text() + " ("
                    + Durations.describe(retention.get()) + "), less than " + Durations.describe(minimum));
        }
    }
}

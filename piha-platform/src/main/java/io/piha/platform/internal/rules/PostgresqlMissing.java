package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.HaConfig;
import io.piha.platform.internal.model.Platform;
import java.util.Locale;
import java.util.Optional;

/** V2: Home Assistant without a PostgreSQL for its recorder. */
final class PostgresqlMissing implements AuditRule {

    static final Rule RULE = new Rule("recorder-postgresql-missing", Severity.CRITICAL, Phase.STORAGE,
            "No PostgreSQL for the recorder",
            "The seed puts the recorder's history in PostgreSQL in the datastore namespace on a NAS-backed PVC; "
                    + "without it there is no durable place for history.",
            "Deploy PostgreSQL (a pinned chart or StatefulSet) with a NAS-backed PVC, resources and a backup, then "
                    + "point recorder.db_url at it.",
            Optional.of("V2"), "Database: PostgreSQL for HA recorder/history, in namespace datastore, NAS-backed PVC");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        if (p.hasHomeAssistant() && !p.deploys(App.POSTGRESQL)) {
            Optional<String> emptyDir = p.tree().emptyDirectories().stream()
                    .filter(d -> d.toLowerCase(Locale.ROOT).contains("postgres")).findFirst();
            Location at = emptyDir.map(d -> Location.of(d + "/")).orElseGet(() -> where(p));
            findings.add(RULE, at, emptyDir.map(d -> d + "/ is empty: no PostgreSQL is deployed")
                    .orElse("No PostgreSQL is deployed in this repository") + ", so the recorder has no PostgreSQL");
        }
        for (HaConfig c : p.haConfigs()) {
            c.recorder().flatMap(r -> r.asMap()).flatMap(r -> r.scalar("db_url"))
                    .filter(u -> u.tag().isEmpty()).ifPresent(url -> {
                        String scheme = url.text().strip().toLowerCase(Locale.ROOT).split(":", 2)[0];
                        if (!scheme.startsWith("sqlite") && !scheme.startsWith("postgres")) {
                            findings.add(RULE, url.location(), "In " + c.source() + ", the recorder uses " + scheme
                                    + ", not PostgreSQL");
                        }
                    });
        }
    }

    private static Location where(Platform p) {
        return p.haConfigs().stream().findFirst().map(HaConfig::location)
                .or(() -> p.running(App.HOME_ASSISTANT).findFirst().map(w -> w.manifest().location()))
                .orElse(Location.of("."));
    }
}

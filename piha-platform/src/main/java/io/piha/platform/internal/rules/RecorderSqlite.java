package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.HaConfig;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.source.InputRules;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Locale;
import java.util.Optional;

/** V1: the recorder on SQLite, or with no {@code db_url} (which is SQLite). */
final class RecorderSqlite implements AuditRule {

    static final Rule RULE = new Rule("recorder-sqlite", Severity.CRITICAL, Phase.STORAGE,
            "Home Assistant's recorder uses SQLite",
            "SQLite on network storage (NFS) is unreliable and corrupts the history database on a power cut; "
                    + "the seed says NO SQLite.",
            "Set recorder.db_url to the PostgreSQL of the datastore namespace (e.g. "
                    + "postgresql://homeassistant@postgresql.datastore.svc.cluster.local/homeassistant, password from a "
                    + "Secret via PGPASSWORD or !secret) and migrate the history.",
            Optional.of("V1"), "Critical Rules: NO SQLite; Database: SQLite must NOT be used");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        for (HaConfig c : p.haConfigs()) {
            Optional<YamlMap> recorder = c.recorder().flatMap(r -> r.asMap());
            Optional<YamlScalar> dbUrl = recorder.flatMap(r -> r.scalar("db_url"));
            if (dbUrl.isEmpty()) {
                var at = c.recorder().isPresent() ? c.root().keyLocation("recorder")
                        : c.root().keyLocation("default_config");
                String where = c.recorder().isPresent() ? "recorder: has no db_url" : "there is no recorder: section";
                findings.add(RULE, at, "In " + c.source() + ", " + where
                        + ", so Home Assistant keeps its history in SQLite (home-assistant_v2.db)");
            } else if (dbUrl.get().hasTag("secret")) {
                findings.add(InputRules.REFERENCE_MISSING, dbUrl.get().location(), "recorder db_url is !secret "
                        + dbUrl.get().text() + ", which no secrets.yaml of the repository holds: the audit cannot "
                        + "tell whether the recorder uses PostgreSQL");
            } else if (dbUrl.get().text().strip().toLowerCase(Locale.ROOT).startsWith("sqlite")) {
                findings.add(RULE, dbUrl.get().location(), "In " + c.source()
                        + ", recorder.db_url is a SQLite database (" + dbUrl.get().text().replaceAll("//.*@", "//") + ")");
            }
        }
    }
}

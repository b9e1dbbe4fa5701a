package io.piha.http.audit;

import io.piha.api.audit.AuditLog;
import io.piha.http.audit.AuditConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the audit log the {@code audit} section describes: the JSON-lines file, plus SLF4J if
 * {@code syslog} is on.
 *
 * @since 0.1
 */
public final class AuditLogs {

    private AuditLogs() {
    }

    /** The configured audit log; close it on shutdown to release the file. */
    public static CompositeAuditLog open(AuditConfig config) {
        List<AuditLog> logs = new ArrayList<>();
        logs.add(new JsonLinesAuditLog(config.file(), config.maxBytes(), config.keep(), config.fsync()));
        if (config.syslog()) {
            logs.add(new Slf4jAuditLog());
        }
        return new CompositeAuditLog(logs);
    }
}

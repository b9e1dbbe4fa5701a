package io.piha.cli.inv;

import io.piha.api.inventory.Site;
import io.piha.inventory.report.DiffReporter;
import io.piha.inventory.report.Exports;
import io.piha.inventory.report.SiteDiff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv diff --site SITE [--since DATE | --days N] [--format table|csv|json]}. */
@Command(name = "diff", description = "What is new, missing, conflicting or moved on a site's network.")
final class DiffCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { TABLE, CSV, JSON }

    @ParentCommand
    InvCommand inv;

    @Option(names = "--site", required = true, description = InvHelp.SITE)
    String site;

    @Option(names = "--since", description = "ISO date or time (default: --days ago)")
    String since;

    @Option(names = "--days", defaultValue = "7", description = "look back this many days (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--format", description = "table, csv or json (default: table, or json with --json)")
    Format format;

    @Override
    public Integer call() {
        return inv.guard(() -> {
            Site s = inv.site(site);
            SiteDiff diff = new DiffReporter(inv.store()).diff(s.id(), start());
            Format f = format != null ? format : inv.json ? Format.JSON : Format.TABLE;
            switch (f) {
                case CSV -> inv.out().print(Exports.diffCsv(diff));
                case JSON -> inv.out().println(Exports.diffJson(diff));
                default -> Table.print(inv.out(), List.of("kind", "mac", "ip", "device", "last seen", "detail"),
                        diff.all().stream().map(e -> List.of(e.kind(), e.mac(), e.ip(), e.device().orElse(""),
                                e.lastSeen().map(Object::toString).orElse(""), e.detail())).toList());
            }
            inv.out().flush();
            return 0;
        });
    }

    private Instant start() {
        if (since == null) {
            return Instant.now().minus(Duration.ofDays(days));
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + since + "' is not a date (2026-03-15) or time", e);
        }
    }
}

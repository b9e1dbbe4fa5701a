package io.piha.cli.inv;

import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Zone;
import io.piha.inventory.report.Exports;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv export --site SITE|--all-sites [--format csv|json]}: every device, for spreadsheets and scripts. */
@Command(name = "export", description = "Export devices as CSV or JSON.")
final class ExportCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { CSV, JSON }

    @ParentCommand
    InvCommand inv;

    @Option(names = "--site", description = InvHelp.SITE)
    String site;

    @Option(names = "--all-sites", description = InvHelp.ALL_SITES)
    boolean all;

    @Option(names = "--format", description = "csv or json (default: csv, or json with --json)")
    Format format;

    @Override
    public Integer call() {
        return inv.guard(() -> {
            if (site == null && !all) {
                throw new IllegalArgumentException("say which site (--site SITE) or ask for --all-sites");
            }
            SiteScope scope = all ? SiteScope.allSites() : SiteScope.of(inv.site(site).id());
            Map<UUID, String> sites = inv.store().sites().list(scope).stream()
                    .collect(Collectors.toMap(s -> s.id(), s -> s.slug().value()));
            Map<UUID, String> zones = inv.store().zones().list(scope).stream()
                    .collect(Collectors.toMap(Zone::id, z -> z.slug().value()));
            var devices = inv.store().devices().list(scope);
            Format f = format != null ? format : inv.json ? Format.JSON : Format.CSV;
            inv.out().print(f == Format.JSON ? Exports.devicesJson(devices, sites, zones) + System.lineSeparator()
                    : Exports.devicesCsv(devices, sites, zones));
            inv.out().flush();
            return 0;
        });
    }
}

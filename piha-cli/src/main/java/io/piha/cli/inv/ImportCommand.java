package io.piha.cli.inv;

import io.piha.api.inventory.Site;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.RowRejection;
import io.piha.inventory.homeseer.HomeSeerClient;
import io.piha.inventory.homeseer.HomeSeerCredentials;
import io.piha.inventory.homeseer.HomeSeerImporter;
import io.piha.inventory.homeseer.HomeSeerSyncResult;
import io.piha.inventory.homeseer.PseudoLocations;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.inventory.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv import homeseer|scan}. */
@Command(name = "import", description = "Import from HomeSeer or from a network scan file.")
final class ImportCommand {

    /** Where Debian's ieee-data package puts the IEEE registry files. */
    static final List<Path> DEBIAN_IEEE = List.of(Path.of("/usr/share/ieee-data/oui.csv"),
            Path.of("/usr/share/ieee-data/mam.csv"), Path.of("/usr/share/ieee-data/oui36.csv"));

    @ParentCommand
    InvCommand inv;

    @Command(description = "Import an ARP + ping sweep JSON file: a dry run unless --apply is given.")
    int scan(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--site", required = true) String site,
             @Option(names = "--apply", description = "write the changes (default: show the diff only)") boolean apply,
             @Option(names = "--oui", description = "IEEE registry CSV (default: Debian's ieee-data if installed)")
             List<Path> oui,
             @Option(names = "--manuf", description = "Wireshark manuf file") Path manuf) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            ScanImporter importer = new ScanImporter(inv.store(), vendors(oui, manuf), FieldOwnership.ofDefaults());
            ScanFile scan = ScanFile.read(file);
            ScanResult r = apply
                    ? importer.apply(s.id(), scan, inv.actor(), new ProgressBar(inv.spec.commandLine().getErr()))
                    : importer.dryRun(s.id(), scan, inv.actor());
            report(r);
            return 0;
        });
    }

    @Command(description = "Sync devices and locations from a HomeSeer HS4 JSON API.")
    int homeseer(@Option(names = "--site", required = true) String site,
                 @Option(names = "--url", required = true, description = "e.g. http://192.168.68.56") String url,
                 @Option(names = "--user") String user,
                 @Option(names = "--password-env", description = "environment variable holding the password",
                         defaultValue = "PIHA_HOMESEER_PASSWORD") String passwordEnv,
                 @Option(names = "--incremental", description = "skip devices unchanged since the last sync") boolean incremental) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            HttpUrl base = HttpUrl.parse(url);
            if (base == null) {
                throw new IllegalArgumentException("--url '" + url + "' is not an http(s) URL");
            }
            Optional<HomeSeerCredentials> credentials = Optional.ofNullable(user)
                    .map(u -> new HomeSeerCredentials(u, Optional.ofNullable(System.getenv(passwordEnv)).orElse("")));
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                    .readTimeout(60, TimeUnit.SECONDS).build();
            HomeSeerSyncResult r = new HomeSeerImporter(inv.store(), new HomeSeerClient(http, base, credentials),
                    FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults())
                    .sync(s.id(), !incremental, inv.actor(), new ProgressBar(inv.spec.commandLine().getErr()));
            Map<String, Object> summary = new java.util.LinkedHashMap<>();
            summary.put("import_run", r.importRunId().toString());
            summary.put("full", r.full());
            summary.put("seen", r.seen());
            summary.put("created", r.created());
            summary.put("updated", r.updated());
            summary.put("unchanged", r.unchanged());
            summary.put("skipped", r.skipped());
            summary.put("fields_kept", r.fieldsKept());
            summary.put("missing", r.missing());
            summary.put("rejected", r.rejected().stream().map(RowRejection::toString).toList());
            print(summary);
            return r.rejected().isEmpty() ? 0 : 3;
        });
    }

    private void report(ScanResult r) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("import_run", r.dryRun() ? "(dry run: nothing written)" : r.importRunId().toString());
        summary.put("accepted", r.accepted());
        summary.put("rejected", r.rejected().stream().map(RowRejection::toString).toList());
        summary.put("new_macs", r.newMacs().stream().map(Object::toString).toList());
        summary.put("moved", r.moved().stream().map(m -> m.mac() + " " + m.from() + " -> " + m.to()).toList());
        summary.put("devices_created", r.devicesCreated());
        summary.put("devices_renamed", r.devicesRenamed());
        summary.put("fields_kept", r.fieldsKept());
        summary.put("sightings_written", r.sightingsWritten());
        print(summary);
    }

    private void print(Map<String, Object> summary) {
        if (inv.json) {
            inv.printJson(summary);
            return;
        }
        summary.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                inv.out().println(k + ": " + list.size());
                list.stream().limit(50).forEach(item -> inv.out().println("  " + item));
                if (list.size() > 50) {
                    inv.out().println("  ... (" + (list.size() - 50) + " more; use --json for all)");
                }
            } else {
                inv.out().println(k + ": " + v);
            }
        });
        inv.out().flush();
    }

    static MacVendors vendors(List<Path> oui, Path manuf) {
        MacVendors.Builder b = MacVendors.builder();
        List<Path> csvs = oui != null ? oui : DEBIAN_IEEE.stream().filter(Files::isReadable).toList();
        csvs.forEach(b::ieeeCsv);
        if (manuf != null) {
            b.wiresharkManuf(manuf);
        }
        return b.build();
    }
}

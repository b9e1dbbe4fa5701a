package io.piha.cli.inv;

import io.piha.api.Secret;
import io.piha.api.inventory.Site;
import io.piha.cli.ExitCode;
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

/** {@code piha inv import scan|homeseer|report|runs}. */
@Command(name = "import", description = "Import from HomeSeer or from a network scan file; report past imports.",
        subcommands = {ImportReportCommand.class})
final class ImportCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = {"Import a network scan file: a dry run unless --apply is given.",
        "FILE is JSON or CSV, told apart by its first character:",
        "  JSON: [{\"ip\", \"mac\", \"hostname\", \"vendor\", \"timestamp\"}, ...] or"
            + " {\"scanned_at\": TIME, \"devices\": [...]}",
        "  CSV:  a header row naming the columns ip and mac, and optionally hostname, vendor and last seen"
            + " (also read: IPAddress, MAC Address, LinkLayerAddress, Name, Manufacturer, Timestamp; other columns"
            + " are ignored); comma, semicolon or tab separated; PowerShell's #TYPE line is skipped.",
        "UTF-8 or UTF-16 with a byte order mark, CRLF or LF. Times: ISO-8601 with an offset, or /Date(ms)/.",
        "Rows with a bad MAC or IP, an all-zero, broadcast or multicast MAC, or a MAC seen twice are rejected"
            + " (exit code 3) and kept with the run: piha inv import report RUN."})
    int scan(@Parameters(paramLabel = "FILE", description = InvHelp.FILE) Path file,
             @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
             @Option(names = "--apply", description = "write the changes (default: show the diff only)") boolean apply,
             @Option(names = "--oui", description = "IEEE registry CSV (default: Debian's ieee-data, "
                     + "/usr/share/ieee-data/{oui,mam,oui36,iab}.csv, if installed)") List<Path> oui,
             @Option(names = "--manuf", description = "Wireshark manuf file") Path manuf) {
        return inv.guard(() -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("scan file " + file + " does not exist");
            }
            ScanFile scan = ScanFile.read(file);
            Site s = inv.site(site);
            ScanImporter importer = new ScanImporter(inv.store(), vendors(oui, manuf), FieldOwnership.ofDefaults());
            ScanResult r = apply
                    ? importer.apply(s.id(), scan, inv.actor(), new ProgressBar(inv.err()))
                    : importer.dryRun(s.id(), scan, inv.actor());
            report(r);
            return (r.rejected().isEmpty() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
        });
    }

    @Command(description = {"Sync devices and locations from a HomeSeer HS4 JSON API.",
        "Exit code 3 if HomeSeer described some devices badly (kept with the run: piha inv import report RUN)."})
    int homeseer(@Option(names = "--site", required = true, description = InvHelp.SITE) String site,
                 @Option(names = "--url", required = true, description = "e.g. http://192.168.68.56") String url,
                 @Option(names = "--user", description = "HomeSeer user; its password comes from --password-env")
                 String user,
                 @Option(names = "--password-env", description = "environment variable holding the password"
                         + " (default: ${DEFAULT-VALUE})", defaultValue = "PIHA_HOMESEER_PASSWORD") String passwordEnv,
                 @Option(names = "--pseudo-location", description = "a location name that is no place (besides plug-in"
                         + " names, Z-Wave's Node N, blanks and Unknown); repeatable") List<String> pseudo,
                 @Option(names = "--incremental", description = "skip devices that did not change since the last sync")
                 boolean incremental) {
        return inv.guard(() -> {
            HttpUrl base = HttpUrl.parse(url);
            if (base == null) {
                throw new IllegalArgumentException("--url '" + url + "' is not an http(s) URL");
            }
            Optional<HomeSeerCredentials> credentials = credentials(user, passwordEnv);
            Site s = inv.site(site);
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                    .readTimeout(60, TimeUnit.SECONDS).build();
            PseudoLocations names = pseudo == null ? PseudoLocations.ofDefaults() : PseudoLocations.ofDefaults().plus(pseudo);
            HomeSeerSyncResult r = new HomeSeerImporter(inv.store(), new HomeSeerClient(http, base, credentials),
                    FieldOwnership.ofDefaults(), names)
                    .sync(s.id(), !incremental, inv.actor(), new ProgressBar(inv.err()));
            Map<String, Object> summary = new java.util.LinkedHashMap<>();
            summary.put("import_run", r.importRunId().toString());
            summary.put("full", r.full());
            summary.put("seen", r.seen());
            summary.put("created", r.created());
            summary.put("updated", r.updated());
            summary.put("unchanged", r.unchanged());
            summary.put("skipped", r.skipped());
            summary.put("fields_kept", r.fieldsKept());
            summary.put("pseudo_locations", r.pseudoLocations());
            summary.put("missing", r.missing());
            summary.put("rejected", r.rejected().stream().map(RowRejection::toString).toList());
            print(summary);
            return (r.rejected().isEmpty() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
        });
    }

    /** A user needs a password: none is refused, never sent empty. */
    private static Optional<HomeSeerCredentials> credentials(String user, String passwordEnv) {
        if (user == null) {
            return Optional.empty();
        }
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--user " + user + " needs a password: put it in $" + passwordEnv
                    + " (or name another variable with --password-env)");
        }
        return Optional.of(new HomeSeerCredentials(user, Secret.of(password)));
    }

    private void report(ScanResult r) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("import_run", r.dryRun() ? "(dry run: nothing written)" : r.importRunId().toString());
        summary.put("accepted", r.accepted());
        summary.put("rejected", r.rejected().stream().map(RowRejection::toString).toList());
        summary.put("new_macs", r.newMacs().stream().map(Object::toString).toList());
        summary.put("randomized_macs", r.randomized().stream().map(Object::toString).toList());
        summary.put("moved", r.moved().stream().map(m -> m.mac() + " " + m.from() + " -> " + m.to()).toList());
        summary.put("devices_created", r.devicesCreated());
        summary.put("devices_renamed", r.devicesRenamed());
        summary.put("fields_kept", r.fieldsKept());
        summary.put("sightings_written", r.sightingsWritten());
        print(summary);
    }

    void print(Map<String, Object> summary) {
        if (inv.json) {
            inv.printJson(summary);
            return;
        }
        summary.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                inv.out().println(k + ": " + list.size());
                list.stream().limit(50).forEach(item -> inv.out().println("  " + item));
                if (list.size() > 50) {
                    inv.out().println("  ... (" + (list.size() - 50) + " more; use --json, or piha inv import report)");
                }
            } else {
                inv.out().println(k + ": " + v);
            }
        });
        inv.out().flush();
    }

    static MacVendors vendors(List<Path> oui, Path manuf) {
        MacVendors.Builder b = MacVendors.builder();
        if (oui != null) {
            oui.forEach(b::ieeeCsv);
        } else {
            b.ieeeDirectory(MacVendors.DEBIAN_DIRECTORY);
        }
        if (manuf != null) {
            b.wiresharkManuf(manuf);
        }
        return b.build();
    }
}

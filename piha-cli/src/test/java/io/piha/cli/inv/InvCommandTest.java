package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.cli.ExitCode;
import io.piha.cli.Piha;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code piha inv} against a throw-away PostgreSQL named with --db. */
class InvCommandTest {

    static EmbeddedDatabase postgres;
    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabase.startTemporary();
        url = postgres.jdbcUrl("postgres");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run piha(String... args) {
        List<String> all = new ArrayList<>(List.of("inv", "--db=" + url));
        all.addAll(List.of(args));
        return execute(all.toArray(String[]::new));
    }

    static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void peopleCanBuildAHomeFromOrganisationToDevice() {
        assertThat(piha("org", "create", "anand", "--name", "Anand family").exit()).isZero();
        assertThat(piha("site", "create", "fremont", "--org", "anand", "--name", "Fremont").exit()).isZero();
        assertThat(piha("zone", "create", "first-floor", "--site", "fremont", "--name", "First floor").exit()).isZero();
        assertThat(piha("zone", "create", "kitchen", "--site", "anand/fremont", "--name", "Kitchen",
                "--parent", "first-floor").exit()).isZero();
        assertThat(piha("network", "create", "192.168.68.0/24", "--site", "fremont", "--name", "LAN", "--vlan", "10")
                .exit()).isZero();
        Run created = piha("device", "create", "fridge", "--site", "fremont", "--name", "Fridge", "--zone", "kitchen",
                "--mac", "00-11-32-AA-BB-CC");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("00:11:32:aa:bb:cc");
        Run part = piha("device", "create", "fridge-sensor", "--site", "fremont", "--name", "Fridge sensor",
                "--parent", "fridge");
        assertThat(part.out()).containsPattern("parent\\s+fridge");

        Run list = piha("--json", "device", "list", "--site", "fremont");
        assertThat(list.out()).contains("\"slug\" : \"fridge\"").contains("\"zone\" : \"kitchen\"")
                .contains("\"parent\" : \"fridge\"");
        Run zones = piha("zone", "list", "--site", "fremont");
        assertThat(zones.out()).containsPattern("kitchen\\s+Kitchen\\s+first-floor");
        assertThat(piha("export", "--site", "fremont", "--format", "csv").out())
                .contains("fremont,fridge-sensor,Fridge sensor,,fridge,,");
    }

    @Test
    void badInputIsRefusedNamingTheValueWithTheExitCodeOfTheTable() {
        piha("org", "create", "bad-input", "--name", "Bad input");
        piha("site", "create", "bad-site", "--org", "bad-input", "--name", "Bad site");
        Run mac = piha("device", "create", "x", "--site", "bad-site", "--name", "X", "--mac", "zz:zz");
        assertThat(mac.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(mac.err()).contains("zz:zz");
        Run vlan = piha("network", "create", "10.0.0.0/8", "--site", "bad-site", "--name", "Big", "--vlan", "5000");
        assertThat(vlan.err()).contains("5000");
        Run cidr = piha("network", "create", "10.0.0.1/8", "--site", "bad-site", "--name", "Big");
        assertThat(cidr.err()).contains("10.0.0.1/8").contains("host bits");
        piha("zone", "create", "a", "--site", "bad-site", "--name", "A");
        piha("zone", "create", "b", "--site", "bad-site", "--name", "B", "--parent", "a");
        Run cycle = piha("zone", "update", "a", "--site", "bad-site", "--parent", "b");
        assertThat(cycle.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(cycle.err()).contains("zone_no_cycle").hasLineCount(1);
        Run duplicate = piha("zone", "create", "a", "--site", "bad-site", "--name", "A again");
        assertThat(duplicate.err()).contains("zone_slug_unique");
    }

    @Test
    void anUnknownSiteIsRefusedListingTheSitesThatExist() {
        piha("org", "create", "lister", "--name", "Lister");
        piha("site", "create", "barn", "--org", "lister", "--name", "Barn");
        Run unknown = piha("device", "list", "--site", "atlantis");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("unknown site 'atlantis'").contains("lister/barn").hasLineCount(1);
    }

    @Test
    void helpWorksAtEveryLevelBelowInv() {
        List<List<String>> paths = new ArrayList<>();
        collect(Piha.commandLine().getSubcommands().get("inv"), new ArrayList<>(List.of("inv")), paths);
        assertThat(paths).hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run help = execute(args.toArray(String[]::new));
            assertThat(help.exit()).as(String.join(" ", args) + ": " + help.err()).isZero();
            assertThat(help.out()).as(String.join(" ", args)).startsWith("Usage: piha " + String.join(" ", path));
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            path.add(name);
            collect(sub, path, into);
            path.remove(path.size() - 1);
        });
    }

    @Test
    void scanHelpStatesBothFormatsAndTheCsvColumns() {
        String help = execute("inv", "import", "scan", "--help").out();
        assertThat(help).contains("JSON").contains("CSV").contains("header row").contains("byte order mark");
        ScanFile.CSV_COLUMNS.keySet().forEach(column -> assertThat(help).contains(column));
    }

    @Test
    void aScanIsPreviewedThenAppliedThenReported() throws IOException {
        piha("org", "create", "scans", "--name", "Scans");
        piha("site", "create", "lab", "--org", "scans", "--name", "Lab");
        Path scan = Files.writeString(dir.resolve("scan.json"), """
                {"scanned_at": "2026-05-01T10:00:00Z", "devices": [
                  {"ip": "10.9.0.1", "mac": "00:11:32:00:00:01", "hostname": "nas"},
                  {"ip": "10.9.0.2", "mac": "bogus"}
                ]}""");
        Run preview = piha("import", "scan", scan.toString(), "--site", "lab");
        assertThat(preview.exit()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(preview.out()).contains("dry run").contains("devices_created: 1").contains("row 2");
        assertThat(piha("device", "list", "--site", "lab").out()).contains("(none)");

        Run applied = piha("--json", "import", "scan", scan.toString(), "--site", "lab", "--apply");
        assertThat(applied.exit()).as(applied.err()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(applied.out()).contains("\"devices_created\" : 1");
        assertThat(piha("import", "scan", scan.toString(), "--site", "lab", "--apply").out())
                .contains("devices_created: 0").contains("sightings_written: 0");

        Run diff = piha("diff", "--site", "lab", "--since", "2026-04-01", "--format", "csv");
        assertThat(diff.out()).startsWith("kind,mac,ip,device,last_seen,detail").contains("new,00:11:32:00:00:01,10.9.0.1");
        Run export = piha("export", "--site", "lab", "--format", "json");
        assertThat(export.out()).contains("\"slug\" : \"mac-001132000001\"");
    }

    @Test
    void aCsvScanWithRejectedRowsExitsThreeAndTheReportListsThemWithTheirRawRow() throws IOException {
        piha("org", "create", "csv", "--name", "CSV");
        piha("site", "create", "shed", "--org", "csv", "--name", "Shed");
        Path scan = Files.writeString(dir.resolve("neighbors.csv"), "\uFEFF\"IPAddress\",\"LinkLayerAddress\",\"State\"\r\n"
                + "\"10.7.0.1\",\"00-11-32-00-07-01\",\"Reachable\"\r\n"
                + "\"10.7.0.9\",\"00-00-00-00-00-00\",\"Unreachable\"\r\n"
                + "\"10.7.0.5\",\"DA-A1-19-00-07-05\",\"Reachable\"\r\n");
        Run applied = piha("import", "scan", scan.toString(), "--site", "shed", "--apply");
        assertThat(applied.exit()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(applied.out()).contains("rejected: 1").contains("line 3").contains("randomized_macs: 1")
                .contains("da:a1:19:00:07:05");
        String run = applied.out().lines().filter(l -> l.startsWith("import_run: ")).findFirst().orElseThrow()
                .substring("import_run: ".length());

        Run report = piha("import", "report", run);
        assertThat(report.exit()).isZero();
        assertThat(report.out()).contains("rejected: 1").contains("all zeros")
                .contains("\"10.7.0.9\",\"00-00-00-00-00-00\",\"Unreachable\"");
        assertThat(piha("import", "report", "--site", "shed").out()).contains(run);
        assertThat(piha("import", "report", "--site", "shed", "--list").out()).contains(run).contains("scan");
        assertThat(piha("import", "report", "not-a-run").err()).contains("not-a-run").hasLineCount(1);
    }

    @Test
    void theDefaultVendorLookupReadsDebiansIeeeData() throws IOException {
        boolean installed = Files.isReadable(MacVendors.DEBIAN_DIRECTORY.resolve("oui.csv"));
        assumeTrue(installed || "true".equalsIgnoreCase(System.getenv("PIHA_REQUIRE_IEEE_DATA")),
                "Debian's ieee-data is not installed (apt-get install ieee-data)");
        piha("org", "create", "vendors", "--name", "Vendors");
        piha("site", "create", "attic", "--org", "vendors", "--name", "Attic");
        Path scan = Files.writeString(dir.resolve("pi.csv"), "ip,mac\n10.8.0.2,b8:27:eb:00:08:02\n");
        Run applied = piha("import", "scan", scan.toString(), "--site", "attic", "--apply");
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(piha("device", "show", "mac-b827eb000802", "--site", "attic").out())
                .contains("Raspberry Pi Foundation");
    }

    @Test
    void aHomeSeerUserWithoutAPasswordIsRefusedBeforeHomeSeerIsAsked() {
        piha("org", "create", "hs", "--name", "HS");
        piha("site", "create", "villa", "--org", "hs", "--name", "Villa");
        Run r = piha("import", "homeseer", "--site", "villa", "--url", "http://127.0.0.1:1", "--user", "rohit",
                "--password-env", "PIHA_TEST_NO_SUCH_VARIABLE");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--user rohit needs a password").contains("PIHA_TEST_NO_SUCH_VARIABLE")
                .doesNotContain("unreachable").hasLineCount(1);
    }

    @Test
    void anUnreachableHomeSeerIsOneLineAndExitFive() {
        piha("org", "create", "hs2", "--name", "HS2");
        piha("site", "create", "chalet", "--org", "hs2", "--name", "Chalet");
        Run r = piha("import", "homeseer", "--site", "chalet", "--url", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(ExitCode.FAILED.code());
        assertThat(r.err()).contains("unreachable").contains("127.0.0.1:1").hasLineCount(1);
    }
}

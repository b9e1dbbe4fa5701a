package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.Piha;
import io.piha.cli.inv.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "inv";
        all[1] = "--db=" + url;
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cli.execute(all);
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

        Run list = piha("--json", "device", "list", "--site", "fremont");
        assertThat(list.out()).contains("\"slug\" : \"fridge\"").contains("\"zone\" : \"kitchen\"");
        Run zones = piha("zone", "list", "--site", "fremont");
        assertThat(zones.out()).containsPattern("kitchen\\s+Kitchen\\s+first-floor");
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        piha("org", "create", "bad-input", "--name", "Bad input");
        piha("site", "create", "bad-site", "--org", "bad-input", "--name", "Bad site");
        Run mac = piha("device", "create", "x", "--site", "bad-site", "--name", "X", "--mac", "zz:zz");
        assertThat(mac.exit()).isEqualTo(2);
        assertThat(mac.err()).contains("zz:zz");
        Run vlan = piha("network", "create", "10.0.0.0/8", "--site", "bad-site", "--name", "Big", "--vlan", "5000");
        assertThat(vlan.err()).contains("5000");
        Run cidr = piha("network", "create", "10.0.0.1/8", "--site", "bad-site", "--name", "Big");
        assertThat(cidr.err()).contains("10.0.0.1/8").contains("host bits");
        Run unknown = piha("device", "list", "--site", "atlantis");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("atlantis");
        piha("zone", "create", "a", "--site", "bad-site", "--name", "A");
        piha("zone", "create", "b", "--site", "bad-site", "--name", "B", "--parent", "a");
        Run cycle = piha("zone", "update", "a", "--site", "bad-site", "--parent", "b");
        assertThat(cycle.exit()).isEqualTo(1);
        assertThat(cycle.err()).contains("zone_no_cycle");
        Run duplicate = piha("zone", "create", "a", "--site", "bad-site", "--name", "A again");
        assertThat(duplicate.err()).contains("zone_slug_unique");
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
        assertThat(preview.out()).contains("dry run").contains("devices_created: 1").contains("row 2");
        assertThat(piha("device", "list", "--site", "lab").out()).contains("(none)");

        Run applied = piha("--json", "import", "scan", scan.toString(), "--site", "lab", "--apply");
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("\"devices_created\" : 1");
        assertThat(piha("import", "scan", scan.toString(), "--site", "lab", "--apply").out())
                .contains("devices_created: 0").contains("sightings_written: 0");

        Run diff = piha("diff", "--site", "lab", "--since", "2026-04-01", "--format", "csv");
        assertThat(diff.out()).startsWith("kind,mac,ip,device,last_seen,detail").contains("new,00:11:32:00:00:01,10.9.0.1");
        Run export = piha("export", "--site", "lab", "--format", "json");
        assertThat(export.out()).contains("\"slug\" : \"mac-001132000001\"");
    }

    @Test
    void withoutADatabaseUrlAnEmbeddedPostgresKeepsTheDataInItsDirectory() {
        Path data = dir.resolve("db");
        CommandLine first = Piha.commandLine();
        StringWriter out = new StringWriter();
        first.setOut(new PrintWriter(out, true));
        assertThat(first.execute("inv", "--data-dir", data.toString(), "org", "create", "local", "--name", "Local"))
                .isZero();
        CommandLine second = Piha.commandLine();
        StringWriter out2 = new StringWriter();
        second.setOut(new PrintWriter(out2, true));
        assertThat(second.execute("inv", "--data-dir", data.toString(), "org", "list")).isZero();
        assertThat(out2.toString()).contains("local");
    }
}

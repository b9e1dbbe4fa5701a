package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.ExitCode;
import io.piha.cli.inv.InvCommandTest.Run;
import io.piha.testkit.http.LocalHttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code piha inv import homeseer} against a HomeSeer JSON API that answers as HS4 does. */
class HomeSeerCommandTest {

    static EmbeddedDatabase postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabase.startTemporary();
        Run org = piha("org", "create", "hs-cli", "--name", "HS CLI");
        assertThat(org.exit()).as(org.err()).isZero();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    static Run piha(String... args) {
        List<String> all = new ArrayList<>(List.of("inv", "--db=" + postgres.jdbcUrl("postgres")));
        all.addAll(List.of(args));
        return InvCommandTest.execute(all.toArray(String[]::new));
    }

    static final String STATUS = """
            {"Name": "HomeSeer Devices", "Version": "1.0", "Devices": [
              {"ref": 7, "name": "Porch Light", "location": "Porch", "location2": "Outside", "value": 0,
               "status": "Off", "device_type_string": "", "last_change": "\\/Date(-62135578800000)\\/",
               "relationship": 3, "hide_from_view": false, "associated_devices": [], "UserNote": "",
               "misc": 0, "interface_name": ""},
              {"ref": 8, "name": "Hall Motion", "location": "Hall", "location2": "Ground", "value": 0,
               "status": "No Motion", "device_type_string": "Z-Wave Sensor Binary",
               "last_change": "\\/Date(1772359200000)\\/", "relationship": 3, "hide_from_view": false,
               "associated_devices": [], "UserNote": "", "misc": 4352, "interface_name": "Z-Wave"}
            ]}""";

    @Test
    void aNamedPseudoLocationStaysOutOfTheZoneTreeAndIsRecorded() throws IOException {
        piha("site", "create", "cottage", "--org", "hs-cli", "--name", "Cottage");
        try (LocalHttpServer homeseer = new LocalHttpServer()) {
            homeseer.respond("/JSON", 200, STATUS);
            Run r = piha("import", "homeseer", "--site", "cottage", "--url", homeseer.url("/").toString(),
                    "--pseudo-location", "Outside");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("created: 2").contains("Outside");
        }
        assertThat(piha("zone", "list", "--site", "cottage").out()).contains("ground-hall").doesNotContain("outside");
        Run porch = piha("--json", "device", "show", "porch-light-7", "--site", "cottage");
        assertThat(porch.out()).contains("\"zone\" : \"porch\"").contains("\"pseudo_locations\" : [ \"Outside\" ]")
                .contains("\"last_change\" : null").contains("\"value\" : 0.0");
    }

    @Test
    void aRefusalIsOneLineInHomeSeersWordsAndNothingIsWritten() throws IOException {
        piha("site", "create", "manor", "--org", "hs-cli", "--name", "Manor");
        try (LocalHttpServer homeseer = new LocalHttpServer()) {
            homeseer.respond("/JSON", 200, "{\"Response\":\"Error, no devices for this user\"}");
            Run r = piha("import", "homeseer", "--site", "manor", "--url", homeseer.url("/").toString());
            assertThat(r.exit()).isEqualTo(ExitCode.FAILED.code());
            assertThat(r.err()).contains("\"Error, no devices for this user\"").hasLineCount(1);
        }
        assertThat(piha("device", "list", "--site", "manor").out()).contains("(none)");
    }

    @Test
    void http401SaysAuthentication() throws IOException {
        piha("site", "create", "lodge", "--org", "hs-cli", "--name", "Lodge");
        try (LocalHttpServer homeseer = new LocalHttpServer()) {
            homeseer.respond("/JSON", 401, "");
            Run r = piha("import", "homeseer", "--site", "lodge", "--url", homeseer.url("/").toString());
            assertThat(r.exit()).isEqualTo(ExitCode.FAILED.code());
            assertThat(r.err()).contains("authentication").hasLineCount(1);
        }
    }
}

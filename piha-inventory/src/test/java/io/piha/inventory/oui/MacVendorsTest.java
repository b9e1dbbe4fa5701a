package io.piha.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.api.inventory.MacAddress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IEEE registry as Debian's ieee-data ships it (src/test/resources/ieee holds real rows, see its README). */
class MacVendorsTest {

    /** CI installs ieee-data and sets this, so the test of the installed files never skips there. */
    static final String REQUIRE_ENV = "PIHA_REQUIRE_IEEE_DATA";

    @TempDir
    Path dir;

    static Path fixtures() {
        try {
            return Path.of(MacVendorsTest.class.getResource("/ieee/oui.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MacVendors debianShaped() {
        return MacVendors.builder().ieeeDirectory(fixtures()).build();
    }

    static String vendor(MacVendors vendors, String mac) {
        return vendors.lookup(MacAddress.parse(mac)).orElse("(none)");
    }

    @Test
    void rowsWhoseQuotedAddressSpansSeveralLinesAreOneRowEach() throws IOException {
        MacVendors v = debianShaped();
        assertThat(vendor(v, "c4:04:d8:00:00:01")).isEqualTo("Aviva Links Inc.");
        assertThat(vendor(v, "3c:b0:7e:00:00:01")).isEqualTo("Arounds Intelligent Equipment Co., Ltd.");
        // the row after a five-line address is still read as its own row
        assertThat(vendor(v, "00:50:c2:00:00:01")).isEqualTo("(none)");
        assertThat(vendor(v, "b8:27:eb:12:34:56")).isEqualTo("Raspberry Pi Foundation");
        assertThat(Files.readString(fixtures().resolve("oui.csv"))).contains("\"160 E Tasman Dr\nSTE 102");
    }

    @Test
    void doubledQuotesAndCommasInsideQuotedNamesAreRead() {
        MacVendors v = debianShaped();
        assertThat(vendor(v, "00:1e:fc:00:00:01")).isEqualTo("JSC \"MASSA-K\"");
        assertThat(vendor(v, "e0:ca:3c:00:00:01")).isEqualTo("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        assertThat(vendor(v, "a0:47:d7:00:00:01")).isEqualTo("Best IT World (India) Pvt Ltd");
    }

    @Test
    void theLongestRegisteredPrefixWinsAcrossMaLMaMMaSAndIab() {
        MacVendors v = debianShaped();
        assertThat(vendor(v, "30:3d:51:b0:00:01")).isEqualTo("Labman Automation");
        assertThat(vendor(v, "d4:20:00:00:00:01")).isEqualTo("Wattsense");
        assertThat(vendor(v, "8c:1f:64:c5:70:01")).isEqualTo("Strategic Robotic Systems");
        assertThat(vendor(v, "70:b3:d5:f2:f0:01")).isEqualTo("TELEPLATFORMS");
        assertThat(vendor(v, "00:50:c2:7d:50:01")).isEqualTo("DEUTA-WERKE GmbH");
        assertThat(vendor(v, "40:d8:55:11:c0:01")).isEqualTo("DEUTA-WERKE GmbH");
    }

    @Test
    void privateAssignmentsAndTheRegistrationAuthoritysOwnBlocksNameNoVendor() {
        MacVendors v = debianShaped();
        assertThat(vendor(v, "11:00:aa:00:00:01")).isEqualTo("(none)"); // MA-L Private
        assertThat(vendor(v, "74:1a:e0:90:00:01")).isEqualTo("(none)"); // MA-M Private inside an IEEE RA block
        assertThat(vendor(v, "70:b3:d5:00:00:01")).isEqualTo("(none)"); // IEEE RA block, sub-assignment unknown
    }

    @Test
    void locallyAdministeredMacsNeverGetAVendor() {
        // 02:11:32... has Synology's OUI bits with the locally administered bit set
        assertThat(vendor(debianShaped(), "00:11:32:12:34:56")).isEqualTo("Synology Incorporated");
        assertThat(vendor(debianShaped(), "02:11:32:12:34:56")).isEqualTo("(none)");
    }

    @Test
    void theInstalledIeeeDataPackageIsReadWhole() {
        boolean installed = Files.isReadable(MacVendors.DEBIAN_DIRECTORY.resolve("oui.csv"));
        if (!installed && "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
            fail(REQUIRE_ENV + "=true but " + MacVendors.DEBIAN_DIRECTORY + " has no oui.csv (apt-get install ieee-data)");
        }
        assumeTrue(installed, "Debian's ieee-data is not installed (apt-get install ieee-data)");
        MacVendors v = MacVendors.builder().ieeeDirectory(MacVendors.DEBIAN_DIRECTORY).build();
        assertThat(v.size()).as("prefixes in the installed registry").isGreaterThan(30_000);
        assertThat(vendor(v, "b8:27:eb:12:34:56")).isEqualTo("Raspberry Pi Foundation");
    }

    @Test
    void wiresharkManufFilesAreReadWithTheirPrefixLengths() throws IOException {
        Path manuf = Files.writeString(dir.resolve("manuf"), """
                # Wireshark manuf
                00:11:32\tSynology\tSynology Incorporated
                00:1B:C5:00:00:00/36\tConverg\tConverging Systems Inc.
                8C:1F:64:00:00:00/28\tShort
                """);
        MacVendors v = MacVendors.builder().wiresharkManuf(manuf).build();
        assertThat(vendor(v, "00:1b:c5:00:00:42")).isEqualTo("Converging Systems Inc.");
        assertThat(vendor(v, "8c:1f:64:01:00:42")).isEqualTo("Short");
        assertThat(vendor(v, "00:11:32:01:00:42")).isEqualTo("Synology Incorporated");
    }

    @Test
    void anAddressQuotedAcrossTwoLinesIsOneRowAsDebiansOuiCsvHasIt() throws IOException {
        // lines 6428-6429 of Debian 12's /usr/share/ieee-data/oui.csv (2022-08-27)
        String csv = "Registry,Assignment,Organization Name,Organization Address\n"
                + "MA-L,C404D8,Aviva Links Inc.,\"160 E Tasman Dr\nSTE 102 SAN JOSE CA US 95134 \"\n"
                + "MA-L,001132,Synology Incorporated,\"3F-3, No.106, Chang An W. Rd. Taipei  TW 103 \"\n";
        MacVendors v = MacVendors.builder().ieeeCsv(Files.writeString(dir.resolve("oui.csv"), csv)).build();
        assertThat(v.lookup(MacAddress.parse("c4:04:d8:00:00:01"))).contains("Aviva Links Inc.");
        assertThat(v.lookup(MacAddress.parse("00:11:32:00:00:01"))).contains("Synology Incorporated");
    }

    @Test
    void aBrokenRegistryRowNamesTheFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "Registry,Assignment,Organization Name\r\n"
                + "MA-L,001132,\"Two\nlines\"\r\nMA-L,XYZ123,Nobody\r\n");
        assertThatThrownBy(() -> MacVendors.builder().ieeeCsv(bad)).hasMessageContaining("bad.csv line 4")
                .hasMessageContaining("XYZ123");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpenedOn() throws IOException {
        Path bad = Files.writeString(dir.resolve("cut.csv"), "Registry,Assignment,Organization Name\r\n"
                + "MA-L,001132,\"Synology\r\n");
        assertThatThrownBy(() -> MacVendors.builder().ieeeCsv(bad)).hasMessageContaining("cut.csv line 2")
                .hasMessageContaining("never closed");
    }

    @Test
    void aFileThatIsNotTheRegistryIsRefused() throws IOException {
        Path scan = Files.writeString(dir.resolve("scan.csv"), "ip,mac\n10.0.0.1,00:11:32:00:00:01\n");
        assertThatThrownBy(() -> MacVendors.builder().ieeeCsv(scan)).hasMessageContaining("scan.csv line 1")
                .hasMessageContaining("IEEE registry header");
    }
}

package io.piha.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.MacAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacVendorsTest {

    @TempDir
    Path dir;

    // Rows in the IEEE registry's own CSV layout (oui.csv, mam.csv, oui36.csv as in Debian's ieee-data).
    static final String OUI = """
            Registry,Assignment,Organization Name,Organization Address
            MA-L,001132,Synology Incorporated,"3F-3, No.106, Chang An W. Rd. Taipei  TW 103 "
            MA-L,70B3D5,IEEE Registration Authority,"445 Hoes Lane Piscataway NJ US 08554 "
            MA-L,28FD80,IEEE Registration Authority,"445 Hoes Lane Piscataway NJ US 08554 "
            """;
    static final String MAM = """
            Registry,Assignment,Organization Name,Organization Address
            MA-M,28FD80A,"Shenzhen ""Quoted"" Co., Ltd.",Shenzhen Guangdong CN 518000
            """;
    static final String OUI36 = """
            Registry,Assignment,Organization Name,Organization Address
            MA-S,70B3D5F2C,Tiny Sensor Maker,Somewhere DE 12345
            """;

    MacVendors ieee() throws IOException {
        return MacVendors.builder()
                .ieeeCsv(Files.writeString(dir.resolve("oui.csv"), OUI))
                .ieeeCsv(Files.writeString(dir.resolve("mam.csv"), MAM))
                .ieeeCsv(Files.writeString(dir.resolve("oui36.csv"), OUI36))
                .build();
    }

    @Test
    void theLongestRegisteredPrefixWins() throws IOException {
        MacVendors v = ieee();
        assertThat(v.lookup(MacAddress.parse("70:b3:d5:f2:c0:01"))).contains("Tiny Sensor Maker");
        assertThat(v.lookup(MacAddress.parse("70:b3:d5:f2:d0:01"))).contains("IEEE Registration Authority");
        assertThat(v.lookup(MacAddress.parse("28:fd:80:a1:00:01"))).contains("Shenzhen \"Quoted\" Co., Ltd.");
        assertThat(v.lookup(MacAddress.parse("00:11:32:12:34:56"))).contains("Synology Incorporated");
        assertThat(v.lookup(MacAddress.parse("00:11:33:12:34:56"))).isEmpty();
        assertThat(v.size()).isEqualTo(5);
    }

    @Test
    void locallyAdministeredMacsNeverGetAVendor() throws IOException {
        // 02:11:32... has the same OUI bits as Synology but the locally administered bit set
        assertThat(ieee().lookup(MacAddress.parse("02:11:32:12:34:56"))).isEmpty();
        assertThat(ieee().lookup(MacAddress.parse("da:a1:19:00:00:03"))).isEmpty();
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
        assertThat(v.lookup(MacAddress.parse("00:1b:c5:00:00:42"))).contains("Converging Systems Inc.");
        assertThat(v.lookup(MacAddress.parse("8c:1f:64:01:00:42"))).contains("Short");
        assertThat(v.lookup(MacAddress.parse("00:11:32:01:00:42"))).contains("Synology Incorporated");
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
        Path bad = Files.writeString(dir.resolve("bad.csv"), "Registry,Assignment,Organization Name\nMA-L,XYZ123,Nobody\n");
        assertThatThrownBy(() -> MacVendors.builder().ieeeCsv(bad)).hasMessageContaining("bad.csv line 2")
                .hasMessageContaining("XYZ123");
    }
}

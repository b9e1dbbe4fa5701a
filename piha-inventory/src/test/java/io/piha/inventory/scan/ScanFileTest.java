package io.piha.inventory.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.RowRejection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan files as scanners write them: src/test/resources/scans (its README says where each quirk comes from). */
class ScanFileTest {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path dir;

    static ScanFile fixture(String name) {
        try {
            return ScanFile.read(Path.of(ScanFileTest.class.getResource("/scans/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScanFile parse(String text) {
        return ScanFile.parse(text, T0, "test");
    }

    @Test
    void aUtf8ByteOrderMarkAndCrlfLineEndsAreAccepted() {
        ScanFile file = fixture("bom-crlf.json");
        assertThat(file.format()).isEqualTo(ScanFile.Format.JSON);
        assertThat(file.rows()).extracting(r -> r.mac().value()).containsExactly("00:11:32:00:00:01", "b8:27:eb:00:00:02");
        assertThat(file.rejected()).isEmpty();
    }

    @Test
    void windowsPowerShellJsonInUtf16WithDotNetDatesIsRead() {
        ScanFile file = fixture("sweep-ps51.json");
        assertThat(file.rows()).extracting(r -> r.hostname().orElse("")).containsExactly("router.lan", "Küchen-NAS");
        assertThat(file.rows().get(0).seenAt()).isEqualTo(Instant.ofEpochMilli(1772359200000L));
        assertThat(file.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo("row 3");
            assertThat(r.reason()).contains("all zeros");
            assertThat(r.raw()).contains("\"00-00-00-00-00-00\"").startsWith("{").endsWith("}");
        });
    }

    @Test
    void csvWithAHeaderRowIsDetectedAndItsColumnsFoundByName() {
        ScanFile file = fixture("sweep.csv");
        assertThat(file.format()).isEqualTo(ScanFile.Format.CSV);
        assertThat(file.rows()).extracting(r -> r.mac().value())
                .containsExactly("00:11:32:00:00:01", "b8:27:eb:00:00:02", "da:a1:19:00:00:03");
        ScanRow pi = file.rows().get(1);
        assertThat(pi.vendor()).contains("Raspberry Pi Foundation");
        assertThat(pi.seenAt()).isEqualTo(Instant.parse("2026-03-01T09:15:02Z"));
        assertThat(file.position(pi)).isEqualTo("line 3");
        assertThat(file.raw(pi)).isEqualTo("pi,\"Raspberry Pi Foundation\",10.9.0.2,B8:27:EB:00:00:02,"
                + "2026-03-01T10:15:02+01:00,22");
        assertThat(file.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo("line 5");
            assertThat(r.value()).isEqualTo("00:11:32:00:00");
            assertThat(r.raw()).isEqualTo("broken,,10.9.0.4,00:11:32:00:00,,");
        });
    }

    @Test
    void powerShellNeighbourCacheExportsAreReadAndTheirNonDevicesRefused() {
        ScanFile file = fixture("netneighbor-ps51.csv");
        assertThat(file.rows()).extracting(r -> r.mac().value())
                .containsExactly("60:22:32:aa:bb:01", "00:11:32:aa:bb:02", "da:a1:19:00:00:03");
        // the #TYPE line is line 1, the header line 2
        assertThat(file.rejected()).extracting(RowRejection::row).containsExactly("line 6", "line 7", "line 8", "line 9");
        assertThat(file.rejected()).extracting(RowRejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("all zeros"), r -> assertThat(r).contains("broadcast"),
                r -> assertThat(r).contains("multicast"), r -> assertThat(r).contains("multicast"));
        assertThat(file.rejected().get(0).raw()).isEqualTo("\"192.168.68.90\",\"00-00-00-00-00-00\",\"Unreachable\","
                + "\"Ethernet\"");
    }

    @Test
    void allZeroBroadcastAndMulticastMacsAreRefusedInJsonToo() {
        ScanFile file = parse("""
                [{"ip": "10.0.0.1", "mac": "00:00:00:00:00:00"}, {"ip": "10.0.0.2", "mac": "ff:ff:ff:ff:ff:ff"},
                 {"ip": "10.0.0.3", "mac": "33:33:00:00:00:01"}, {"ip": "10.0.0.4", "mac": "00:00:00:00:00:01"}]""");
        assertThat(file.rows()).extracting(r -> r.mac().value()).containsExactly("00:00:00:00:00:01");
        assertThat(file.rejected()).extracting(RowRejection::value)
                .containsExactly("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "33:33:00:00:00:01");
    }

    @Test
    void aSingleResultAsPowerShellWritesAOneElementListIsOneRow() {
        ScanFile file = parse("{\"ip\": \"10.0.0.7\", \"mac\": \"00-11-32-00-00-07\", \"hostname\": \"only\"}");
        assertThat(file.rows()).singleElement().satisfies(r -> assertThat(r.mac()).isEqualTo(MacAddress.parse("00:11:32:00:00:07")));
    }

    @Test
    void aCsvWithoutIpAndMacColumnsIsRefusedQuotingItsFirstLine() {
        assertThatThrownBy(() -> parse("Name,Status\nnas,up\n")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("ip and mac").hasMessageContaining("'Name,Status'");
    }

    @Test
    void csvHeadersMaySpellTheColumnsAsOtherScannersDo() {
        ScanFile file = parse("IP Address;MAC-Address;Host_Name;Manufacturer;Time\r\n"
                + "10.0.0.5;00:11:32:00:00:05;nas;Synology;2026-03-01T10:00:00Z\r\n");
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.hostname()).contains("nas");
            assertThat(r.vendor()).contains("Synology");
        });
    }

    @Test
    void aTimeWithoutAnOffsetIsRefusedNotGuessed() {
        ScanFile file = parse("[{\"ip\": \"10.0.0.1\", \"mac\": \"00:11:32:00:00:01\", \"timestamp\": \"2026-03-01 10:00\"}]");
        assertThat(file.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("offset"));
    }

    @Test
    void textThatIsNeitherUtf8NorMarkedUtf16IsRefusedSayingHowToSaveIt() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "ip,mac,hostname\n10.0.0.1,00:11:32:00:00:01,Küche\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScanFile.read(latin1)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("UTF-8");
    }
}

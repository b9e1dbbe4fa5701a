package io.piha.inventory.scan;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated result of an ARP + ping sweep.
 *
 * @param row the 1-based position in the file
 * @param mac the MAC address that answered
 * @param ip the address it answered on
 * @param hostname its host name, if resolved
 * @param vendor the vendor the scanner reported, if any
 * @param seenAt when it answered
 * @since 0.1
 */
public record ScanRow(int row, MacAddress mac, IpAddress ip, Optional<String> hostname, Optional<String> vendor,
                      Instant seenAt) {

    /** @throws NullPointerException if a component is null */
    public ScanRow {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}

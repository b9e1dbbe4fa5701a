package io.piha.inventory.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What changed on a site's network since a date: observed versus intended.
 *
 * @param siteId the site
 * @param since the date the report looks back to
 * @param newDevices MACs first seen since then
 * @param missing curated devices with a MAC not seen since then
 * @param ipConflicts addresses claimed by two MACs, or seen on a MAC other than the one they are allocated to
 * @param moved MACs that changed address since then, or that belong to a device of another site
 * @since 0.1
 */
public record SiteDiff(UUID siteId, Instant since, List<Entry> newDevices, List<Entry> missing,
                       List<Entry> ipConflicts, List<Entry> moved) {

    /** Copies the lists. */
    public SiteDiff {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(since, "since");
        newDevices = List.copyOf(newDevices);
        missing = List.copyOf(missing);
        ipConflicts = List.copyOf(ipConflicts);
        moved = List.copyOf(moved);
    }

    /** Every entry, tagged with its kind, in report order. */
    public List<Entry> all() {
        return java.util.stream.Stream.of(newDevices, missing, ipConflicts, moved).flatMap(List::stream).toList();
    }

    /**
     * One line of the report.
     *
     * @param kind {@code new}, {@code missing}, {@code ip-conflict} or {@code moved}
     * @param mac the MAC concerned
     * @param ip the address concerned
     * @param device the slug of the curated device, if there is one
     * @param lastSeen when the MAC was last seen, if ever
     * @param detail a sentence for people
     */
    public record Entry(String kind, String mac, String ip, Optional<String> device, Optional<Instant> lastSeen,
                        String detail) {
        /** @throws NullPointerException if a component is null */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

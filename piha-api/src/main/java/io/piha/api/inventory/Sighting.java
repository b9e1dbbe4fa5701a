package io.piha.api.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a source observed on a site's network (as opposed to the {@link Device} records people curate).
 *
 * @param siteId the site where it was seen
 * @param mac the MAC address seen
 * @param ip the address it answered on
 * @param hostname its host name, if it gave one
 * @param source who saw it, e.g. {@code scan}
 * @param firstSeen when this source first saw the MAC on the site
 * @param lastSeen when this source last saw it
 * @param previousIp the address it had before its latest move, if it moved
 * @since 0.1
 */
public record Sighting(UUID siteId, MacAddress mac, IpAddress ip, Optional<String> hostname, String source,
                       Instant firstSeen, Instant lastSeen, Optional<IpAddress> previousIp) {

    /** @throws IllegalArgumentException if last seen is before first seen */
    public Sighting {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(previousIp, "previousIp");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("sighting of " + mac + ": last seen " + lastSeen
                    + " is before first seen " + firstSeen);
        }
    }
}

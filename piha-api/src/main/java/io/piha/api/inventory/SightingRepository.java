package io.piha.api.inventory;

import java.util.List;

/**
 * Reads the observed side of the inventory; sightings are written by importers. Thread-safe.
 *
 * @since 0.1
 */
public interface SightingRepository {

    /** Every sighting within the scope, ordered by site and MAC. */
    List<Sighting> list(SiteScope scope);

    /** The sightings of one MAC within the scope (one per site and source). */
    List<Sighting> findByMac(SiteScope scope, MacAddress mac);
}

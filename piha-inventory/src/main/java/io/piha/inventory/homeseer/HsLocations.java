package io.piha.inventory.homeseer;

import java.util.List;

/**
 * HomeSeer's configured locations.
 *
 * @param location1 the first locations (usually rooms)
 * @param location2 the second locations (usually floors)
 * @since 0.1
 */
public record HsLocations(List<String> location1, List<String> location2) {

    /** Copies the lists. */
    public HsLocations {
        location1 = List.copyOf(location1);
        location2 = List.copyOf(location2);
    }
}

package io.piha.inventory.homeseer;

import io.piha.inventory.RowRejection;
import java.util.List;
import java.util.Map;

/**
 * HomeSeer's {@code getstatus} answer, read device by device.
 *
 * @param devices the devices that could be read
 * @param rejected the devices that could not, with the ref and the reason
 * @param json each readable device's JSON as HomeSeer sent it, by ref
 * @since 0.1
 */
public record HsStatus(List<HsDevice> devices, List<RowRejection> rejected, Map<Integer, String> json) {

    /** Copies the lists and the map. */
    public HsStatus {
        devices = List.copyOf(devices);
        rejected = List.copyOf(rejected);
        json = Map.copyOf(json);
    }
}

package io.piha.inventory.homeseer;

import io.piha.inventory.RowRejection;
import java.util.List;

/**
 * HomeSeer's {@code getstatus} answer, read device by device.
 *
 * @param devices the devices that could be read
 * @param rejected the devices that could not, with the ref and the reason
 * @since 0.1
 */
public record HsStatus(List<HsDevice> devices, List<RowRejection> rejected) {

    /** Copies the lists. */
    public HsStatus {
        devices = List.copyOf(devices);
        rejected = List.copyOf(rejected);
    }
}

package io.piha.api.leadership;

import java.time.Instant;
import java.util.Objects;

/**
 * The arbiter's grant of leadership: {@code holder} leads at {@code epoch} since {@code since}. Published
 * retained, and only by the arbiter; an SDK extension that v1 readers never subscribe to.
 *
 * @param holder the leader
 * @param epoch the fencing token of this grant
 * @param since when it was granted
 * @since 0.1
 */
public record Lease(HostId holder, Epoch epoch, Instant since) {

    /**
     * @throws NullPointerException if any component is null
     */
    public Lease {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(since, "since");
    }
}

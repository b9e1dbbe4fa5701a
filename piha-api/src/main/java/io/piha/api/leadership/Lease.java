package io.piha.api.leadership;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Objects;

/**
 * The arbiter's grant of leadership: {@code holder} leads at {@code epoch} since {@code since}. Published
 * retained, and only by the arbiter; an SDK extension that v1 readers never subscribe to.
 *
 * <p>A lease with a lifetime is renewed in answer to one of the holder's heartbeats ({@code renews} names its id):
 * the holder counts {@code validFor} from the moment it sent that heartbeat, by its own monotonic clock, so a
 * renewal delayed on the way can never extend the lease beyond what the arbiter granted. A holder whose lease ran
 * out stops acting until it is renewed.
 *
 * @param holder the leader
 * @param epoch the fencing token of this grant
 * @param since when it was granted or renewed (the arbiter's clock; for people, never compared)
 * @param validFor how long the lease lasts from the renewed heartbeat's sending; empty: no lifetime (a grant
 *     announcement, or a lease for a participant that cannot honour one)
 * @param renews the id of the holder's heartbeat this lease answers, if it is a renewal
 * @since 0.1
 */
public record Lease(HostId holder, Epoch epoch, Instant since, Optional<Duration> validFor, Optional<String> renews) {

    /**
     * @throws NullPointerException if any component is null
     */
    public Lease {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(renews, "renews");
        validFor.ifPresent(d -> {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("a lease's lifetime must be positive, was " + d);
            }
        });
    }

    /** A grant announcement without lifetime. */
    public Lease(HostId holder, Epoch epoch, Instant since) {
        this(holder, epoch, since, Optional.empty(), Optional.empty());
    }

    /** A renewal answering heartbeat {@code heartbeatId}, valid {@code validFor} from its sending. */
    public static Lease renewal(HostId holder, Epoch epoch, Instant since, Duration validFor, String heartbeatId) {
        return new Lease(holder, epoch, since, Optional.of(validFor), Optional.of(heartbeatId));
    }
}

package io.piha.api.leadership;

import java.util.Objects;

/**
 * Proof of leadership handed to an application: the service, the host and the epoch it leads at.
 * Attach the epoch to every irreversible action so that a downstream resource can refuse a stale leader.
 *
 * @param service the service led
 * @param host the leader
 * @param epoch the epoch of the grant
 * @since 0.1
 */
public record FencingToken(ServiceName service, HostId host, Epoch epoch) {

    /** @throws NullPointerException if any component is null */
    public FencingToken {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(epoch, "epoch");
    }
}

package io.piha.core.node;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.util.Objects;

/**
 * How a node decides. Immutable; build with {@link #custom(ServiceName, HostId)} or
 * {@link #ofDefaults(ServiceName, HostId)}.
 *
 * @param service the service led
 * @param self this node's host id
 * @param requireGrantedEpoch whether a promote must carry an epoch granted by the arbiter (default
 *     {@value #DEFAULT_REQUIRE_GRANTED_EPOCH}). Turn it off only in a house without the SDK's arbiter,
 *     where plain v1 {@code promote} commands are the only ones: the node then takes the next epoch
 *     after the highest it has seen.
 * @since 0.1
 */
public record NodePolicy(ServiceName service, HostId self, boolean requireGrantedEpoch) {

    /** By default, only the arbiter grants epochs. */
    public static final boolean DEFAULT_REQUIRE_GRANTED_EPOCH = true;

    /** @throws NullPointerException if a component is null */
    public NodePolicy {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(self, "self");
    }

    /** The default policy for a node. */
    public static NodePolicy ofDefaults(ServiceName service, HostId self) {
        return new NodePolicy(service, self, DEFAULT_REQUIRE_GRANTED_EPOCH);
    }

    /** Starts a policy from the defaults. */
    public static Builder custom(ServiceName service, HostId self) {
        return new Builder(service, self);
    }

    /** Builds a {@link NodePolicy}. Not thread-safe; {@link #build()} copies the values. */
    public static final class Builder {
        private final ServiceName service;
        private final HostId self;
        private boolean requireGrantedEpoch = DEFAULT_REQUIRE_GRANTED_EPOCH;

        private Builder(ServiceName service, HostId self) {
            this.service = service;
            this.self = self;
        }

        /** See {@link NodePolicy#requireGrantedEpoch()}. */
        public Builder requireGrantedEpoch(boolean require) {
            this.requireGrantedEpoch = require;
            return this;
        }

        /** Builds the policy. */
        public NodePolicy build() {
            return new NodePolicy(service, self, requireGrantedEpoch);
        }
    }
}

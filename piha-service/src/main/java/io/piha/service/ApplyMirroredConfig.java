package io.piha.service;

import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.RoleActuator;
import io.piha.api.sync.CommitId;
import io.piha.sync.StandbyCheckout;
import io.piha.sync.StandbyCheckoutException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On promotion, applies the latest mirrored configuration (the standby branch, swapped in atomically) before
 * the host starts serving; then hands over to the next actuator. If the configuration cannot be applied the
 * host is still promoted with the configuration already live, and the failure is logged: a failover must
 * not wait for Git.
 */
public final class ApplyMirroredConfig implements RoleActuator {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyMirroredConfig.class);

    private final StandbyCheckout checkout;
    private final RoleActuator then;

    /** Applies {@code checkout} on promotion, then runs {@code then}. */
    public ApplyMirroredConfig(StandbyCheckout checkout, RoleActuator then) {
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public void activate(FencingToken token) {
        try {
            CommitId live;
            synchronized (checkout) { // the agent's sync listener applies the same checkout on another thread
                live = checkout.apply();
            }
            LOG.info("{} of {} at epoch {}: configuration {} live at {}", token.host(), token.service(), token.epoch(),
                    live, checkout.live());
        } catch (StandbyCheckoutException e) {
            LOG.error("{} of {} at epoch {}: promoted with the configuration already live, because the mirrored one "
                    + "could not be applied: {}", token.host(), token.service(), token.epoch(), e.getMessage());
        }
        then.activate(token);
    }

    @Override
    public void deactivate(String reason) {
        then.deactivate(reason);
    }
}

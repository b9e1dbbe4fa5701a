package io.piha.api.leadership;

/**
 * Receives the messages of a subscription. Called on the bus's delivery thread: return quickly and never
 * block; an exception thrown here is logged by the bus and does not end the subscription.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface LeadershipListener {

    /** A message that was read and validated. */
    void onMessage(LeadershipMessage message);

    /** A message that was refused; by default ignored (the bus has already logged it). */
    default void onRejected(RejectedMessage rejected) {
    }
}

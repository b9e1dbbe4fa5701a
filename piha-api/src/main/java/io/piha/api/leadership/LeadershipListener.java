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

    /**
     * The bus lost its connection to the broker ({@code false}) or has it back ({@code true}; the retained
     * messages follow). A control plane suspects nobody while it hears nothing, and believes no Last Will
     * delivered around a broker restart. By default ignored.
     */
    default void onConnection(boolean connected) {
    }
}

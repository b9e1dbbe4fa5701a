package io.piha.api.leadership;

/**
 * Makes a host serve or stop serving when its agent takes or gives up leadership: enables the standby Home
 * Assistant's automations through its REST API, runs a shell command, starts a container. Called by the
 * agent on its own worker thread; may block for a few seconds. Implementations report failures by
 * throwing {@link IllegalStateException} naming the host and what failed; the agent audits and alerts them.
 *
 * @since 0.1
 */
public interface RoleActuator {

    /** An actuator that does nothing, for hosts whose service needs no switching. */
    RoleActuator NONE = new RoleActuator() {
        @Override
        public void activate(FencingToken token) {
        }

        @Override
        public void deactivate(String reason) {
        }
    };

    /** Start serving under this token. */
    void activate(FencingToken token);

    /**
     * Stop serving at once.
     *
     * @param reason why, e.g. {@code demoted} or {@code fenced by epoch 7}
     */
    void deactivate(String reason);
}

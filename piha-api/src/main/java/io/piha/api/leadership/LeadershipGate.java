package io.piha.api.leadership;

/**
 * What an application asks before it acts: "am I leader, at the newest epoch I know of?". Cheap and
 * thread-safe; call it before every irreversible action, not once at start-up.
 *
 * @since 0.1
 */
public interface LeadershipGate {

    /** The decision now. */
    GateDecision check();

    /**
     * Whether a token obtained earlier is still valid: same host, and no newer epoch has been seen since.
     * Use it to re-check just before committing an action prepared under {@code token}.
     */
    boolean isCurrent(FencingToken token);
}

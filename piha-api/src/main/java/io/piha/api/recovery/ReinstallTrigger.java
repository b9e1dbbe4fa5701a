package io.piha.api.recovery;

import java.util.List;

/**
 * Starts the scripted reinstall of one host (seed 002): a configured command or URL that rebuilds it from scratch.
 * Never called directly: the safety layer guards it like a power action (confirmation, cooldown, rate limits,
 * breaker, audit, dry run).
 *
 * @since 0.1
 */
public interface ReinstallTrigger {

    /** The exact request(s) {@link #start} makes, for dry runs and the audit; never a secret. */
    List<PlannedRequest> plan();

    /**
     * Starts the reinstall and returns once the command finished or the URL accepted it.
     *
     * @param reason why, passed on to the command or URL
     * @throws IllegalStateException naming the host, the command or URL and what failed
     */
    void start(String reason);
}

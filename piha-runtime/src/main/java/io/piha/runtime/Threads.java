package io.piha.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping the threads of a service: a task in progress (a decision being saved, an audit line, a power action) is
 * interrupted and waited for, so that nothing writes to the state directory once {@code close()} has returned.
 *
 * @since 0.1
 */
public final class Threads {

    /** How long a closing service waits for a task in progress before it goes on without it. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);

    private Threads() {
    }

    /**
     * Interrupts the executor's tasks and waits up to {@link #STOP_WAIT} for them to end; a task that does not is
     * logged by name. Keeps the calling thread's interrupt.
     *
     * @param executor the executor to stop
     * @param name what it runs, for the log
     */
    public static void stop(ExecutorService executor, String name) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s; going on without it", name, STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

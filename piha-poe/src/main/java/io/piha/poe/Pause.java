package io.piha.poe;

import java.time.Duration;

/**
 * Waits. Injected wherever a driver or the safety layer must let time pass (a cycle's off time, polling
 * read-back), so tests advance a clock instead of sleeping.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Pause {

    /** Really sleeps the current thread. */
    Pause REAL = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void pause(Duration duration) throws InterruptedException;
}

package io.piha.poe.safety;

import java.time.Duration;

/**
 * How long read-back verification waits for each step after a port is switched on, and how often it looks.
 *
 * @param adminTimeout until the switch reports the port administratively on
 * @param detectionTimeout until the PSE reports {@code deliveringPower}
 * @param hostTimeout until the host behind the port answers its health probe (a Pi boots in about a minute)
 * @param pollInterval between two looks
 * @since 0.1
 */
public record ReadBackConfig(Duration adminTimeout, Duration detectionTimeout, Duration hostTimeout,
                             Duration pollInterval) {

    /** @throws IllegalArgumentException naming the bad value */
    public ReadBackConfig {
        SafetyConfig.positive("adminTimeout", adminTimeout);
        SafetyConfig.positive("detectionTimeout", detectionTimeout);
        SafetyConfig.positive("hostTimeout", hostTimeout);
        SafetyConfig.positive("pollInterval", pollInterval);
    }

    /** 10 s for admin state, 60 s for detection, 5 min for the host, a look every 2 s. */
    public static ReadBackConfig ofDefaults() {
        return new ReadBackConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofSeconds(2));
    }
}

package io.piha.api.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * The incidents config sync must know about. The control plane feeds it from its event stream (failover,
 * heartbeat missed, probe failure) and operators add manual incidents; config sync only reads it.
 * Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface IncidentLog {

    /** A log that keeps nothing: for a control plane without config sync. */
    IncidentLog NONE = new IncidentLog() {
        @Override
        public void record(Incident incident) {
            java.util.Objects.requireNonNull(incident, "incident");
        }

        @Override
        public Optional<Incident> latest(Instant notAfter) {
            return Optional.empty();
        }
    };

    /**
     * Records an incident.
     *
     * @param incident what happened
     * @throws NullPointerException if {@code incident} is null
     */
    void record(Incident incident);

    /**
     * The latest incident that happened at or before {@code notAfter}; incidents stamped later (a skewed
     * clock) are ignored until their time comes.
     *
     * @param notAfter usually now
     * @return the latest such incident, empty if there is none
     */
    Optional<Incident> latest(Instant notAfter);
}

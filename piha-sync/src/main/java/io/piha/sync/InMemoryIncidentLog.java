package io.piha.sync;

import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link IncidentLog} in memory, fed by the control plane's event stream. Keeps the incidents of the
 * last {@link #DEFAULT_RETENTION} (an incident older than any observation window cannot matter). Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryIncidentLog implements IncidentLog {

    /** How long incidents are kept: longer than any sane observation window. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final ConcurrentSkipListMap<Instant, Incident> byTime = new ConcurrentSkipListMap<>();

    /** An empty log. */
    public InMemoryIncidentLog() {
    }

    @Override
    public void record(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        Instant key = incident.at();
        // Two incidents at the same instant are one as far as the window cares; keep the first.
        byTime.putIfAbsent(key, incident);
        byTime.headMap(key.minus(DEFAULT_RETENTION)).clear();
    }

    @Override
    public Optional<Incident> latest(Instant notAfter) {
        return Optional.ofNullable(byTime.floorEntry(notAfter)).map(e -> e.getValue());
    }
}

package io.piha.inventory;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One import into a site, as recorded: who ran it, when, how many rows it took and refused, and what it did.
 *
 * @param id the run id every change of the import is tagged with
 * @param siteId the site imported into
 * @param source {@code scan} or {@code homeseer}
 * @param actor who ran it
 * @param startedAt when it started
 * @param finishedAt when it finished; empty if it never did (it failed and only its start was kept)
 * @param accepted rows taken
 * @param rejected rows refused (listed by {@link ImportRuns#rejections})
 * @param summary what it did, by the importer's own counters (numbers as numbers)
 * @since 0.1
 */
public record ImportRun(UUID id, UUID siteId, String source, String actor, Instant startedAt,
                        Optional<Instant> finishedAt, int accepted, int rejected, Map<String, Object> summary) {

    /** Copies the map. */
    public ImportRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}

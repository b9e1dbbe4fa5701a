package io.piha.inventory.homeseer;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Slug;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.inventory.Slugs;
import io.piha.inventory.internal.Json;
import io.piha.inventory.internal.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one site's devices from its HomeSeer. Each HomeSeer device is one unit, written in its own
 * transaction: a device that fails is rolled back and reported, the others are kept. Devices are matched by
 * the source key {@code homeseer:<site>:<ref>}; {@code location2} and {@code location} become a floor zone
 * and a room zone inside it. Name and zone follow {@link FieldOwnership} (a person's edit wins); HomeSeer's
 * own facts are kept under {@code homeseer.*} metadata keys. Thread-safe.
 *
 * <pre>{@code
 * HomeSeerClient client = new HomeSeerClient(new OkHttpClient(), HttpUrl.get("http://192.168.68.56"), Optional.empty());
 * HomeSeerSyncResult r = new HomeSeerImporter(store, client, FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults())
 *         .sync(siteId, true, "rohit", ImportProgress.SILENT);
 * }</pre>
 *
 * @since 0.1
 */
public final class HomeSeerImporter {

    /** The source name of HomeSeer's fields and sightings. */
    public static final String SOURCE = "homeseer";

    private static final Logger LOG = LoggerFactory.getLogger(HomeSeerImporter.class);

    private final InventoryStore store;
    private final HomeSeerClient client;
    private final FieldOwnership ownership;
    private final PseudoLocations pseudo;

    /**
     * @param store where to import
     * @param client the site's HomeSeer
     * @param ownership which sources HomeSeer may overwrite
     * @param pseudo location names that are not places
     */
    public HomeSeerImporter(InventoryStore store, HomeSeerClient client, FieldOwnership ownership,
                            PseudoLocations pseudo) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.pseudo = Objects.requireNonNull(pseudo, "pseudo");
    }

    /**
     * Reads HomeSeer and applies what it says to the site.
     *
     * @param full a full sync looks at every device and reports the ones HomeSeer no longer has; an incremental
     *             sync skips known devices whose {@code last_change} is not newer than the last run's
     * @throws HomeSeerException if HomeSeer cannot be read (nothing is written)
     * @throws InventoryException.NotFound naming the site if it does not exist
     */
    public HomeSeerSyncResult sync(UUID siteId, boolean full, String actor, ImportProgress progress) {
        Transactions tx = store.transactions();
        String siteSlug = tx.read("find site " + siteId, h -> h.createQuery("SELECT slug FROM site WHERE id = :id")
                .bind("id", siteId).mapTo(String.class).findOne())
                .orElseThrow(() -> new InventoryException.NotFound("unknown site " + siteId));
        client.locations();
        HsStatus status = client.devices();
        List<HsDevice> devices = status.devices();
        Optional<Instant> watermark = full ? Optional.empty() : lastWatermark(siteId);
        String prefix = SOURCE + ":" + siteSlug + ":";
        Set<String> knownAtStart = Set.copyOf(tx.read("known HomeSeer devices", h -> h.createQuery(
                "SELECT source_key FROM integration_ref WHERE site_id = :site AND source_key LIKE :prefix")
                .bind("site", siteId).bind("prefix", prefix + "%").mapTo(String.class).list()));
        Set<String> notReported = new HashSet<>(knownAtStart);
        UUID run = tx.ids().next();
        tx.write(actor, Optional.empty(), "start HomeSeer import", h -> h.createUpdate("INSERT INTO import_run"
                        + " (id, site_id, source, actor, started_at) VALUES (:run, :site, :source, :actor, :at)")
                .bind("run", run).bind("site", siteId).bind("source", SOURCE).bind("actor", actor)
                .bind("at", tx.clock().instant()).execute());

        DeviceSync unit = new DeviceSync(siteId, ownership, pseudo);
        int[] counts = new int[5]; // created, updated, unchanged, skipped, kept
        List<RowRejection> rejected = new ArrayList<>(status.rejected());
        Instant newest = watermark.orElse(Instant.EPOCH);
        for (int i = 0; i < devices.size(); i++) {
            HsDevice d = devices.get(i);
            String key = prefix + d.ref();
            notReported.remove(key);
            newest = d.lastChange().filter(newest::isBefore).orElse(newest);
            if (watermark.isPresent() && unit.unchangedSince(d, watermark.get()) && knownAtStart.contains(key)) {
                counts[3]++;
            } else {
                try {
                    DeviceSync.Outcome o = tx.write(actor, Optional.of(run), "HomeSeer device ref " + d.ref(),
                            h -> unit.apply(h, key, d, run));
                    counts[o.ordinalCount()]++;
                    counts[4] += o.kept();
                } catch (InventoryException | IllegalArgumentException e) {
                    LOG.warn("HomeSeer at {}: device ref {} ('{}') rejected: {}", client.base(), d.ref(), d.name(),
                            e.getMessage());
                    rejected.add(new RowRejection("ref " + d.ref(), d.name(), e.getMessage()));
                }
            }
            progress.update("devices", i + 1, devices.size());
        }
        List<String> missing = full ? notReported.stream().sorted().toList() : List.of();
        finish(run, devices.size() + status.rejected().size() - rejected.size(), rejected.size(), newest, counts, missing);
        return new HomeSeerSyncResult(run, full, devices.size() + status.rejected().size(), counts[0], counts[1], counts[2], counts[3],
                counts[4], missing, rejected);
    }

    private Optional<Instant> lastWatermark(UUID siteId) {
        return store.transactions().read("last HomeSeer run", h -> h.createQuery("SELECT summary ->> 'watermark'"
                        + " FROM import_run WHERE site_id = :site AND source = :source AND finished_at IS NOT NULL"
                        + " ORDER BY started_at DESC, finished_at DESC LIMIT 1")
                .bind("site", siteId).bind("source", SOURCE).mapTo(String.class).findOne()
                .map(Instant::parse));
    }

    private void finish(UUID run, int accepted, int rejected, Instant newest, int[] counts, List<String> missing) {
        Map<String, Object> summary = new TreeMap<>();
        summary.put("watermark", newest.toString());
        summary.put("created", counts[0]);
        summary.put("updated", counts[1]);
        summary.put("unchanged", counts[2]);
        summary.put("skipped", counts[3]);
        summary.put("fields_kept", counts[4]);
        summary.put("missing", missing);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(summary);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Transactions tx = store.transactions();
        tx.write("import:" + SOURCE, Optional.empty(), "finish HomeSeer import", (Handle h) -> h.createUpdate(
                        "UPDATE import_run SET finished_at = :at, accepted = :accepted, rejected = :rejected,"
                                + " summary = CAST(:summary AS jsonb) WHERE id = :run")
                .bind("at", tx.clock().instant()).bind("accepted", accepted).bind("rejected", rejected)
                .bind("summary", json).bind("run", run).execute());
    }

    /** The device slug for a HomeSeer device: its name with the ref appended, e.g. {@code temperature-3398}. */
    static Slug deviceSlug(HsDevice d) {
        return Slugs.withSuffix(d.name(), String.valueOf(d.ref()), "device");
    }
}

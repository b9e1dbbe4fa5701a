package io.piha.inventory.homeseer;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Slug;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.inventory.Slugs;
import io.piha.inventory.internal.ImportRejections;
import io.piha.inventory.internal.Json;
import io.piha.inventory.internal.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one site's devices from its HomeSeer. Each HomeSeer device is one unit, written in its own
 * transaction: a device that fails is rolled back and reported, the others are kept. Devices are matched by
 * the source key {@code homeseer:<site>:<ref>}; {@code location2} and {@code location} become a floor zone
 * and a room zone inside it, unless they are {@link PseudoLocations} (a plug-in's name, Z-Wave's
 * {@code Node 12}: recorded with the facts, kept out of the zone tree). A child device's parent is its root
 * device. Name, zone and parent follow {@link FieldOwnership} (a person's edit wins); what HomeSeer says about
 * each device is kept typed in {@link HomeSeerDevices}. Rows HomeSeer describes badly are kept with the import
 * run. Thread-safe.
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
     * @param pseudo location names that are not places (every plug-in's {@code interface_name} is added)
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
     *             sync skips a known device only if its {@code last_change} is not newer than the last run's and
     *             nothing else about it changed either (HomeSeer does not bump {@code last_change} for a rename, a
     *             move or a new note)
     * @throws HomeSeerException if HomeSeer cannot be read (nothing is written)
     * @throws InventoryException.NotFound naming the site if it does not exist
     */
    public HomeSeerSyncResult sync(UUID siteId, boolean full, String actor, ImportProgress progress) {
        Transactions tx = store.transactions();
        String siteSlug = tx.read("find site " + siteId, h -> h.createQuery("SELECT slug FROM site WHERE id = :id")
                .bind("id", siteId).mapTo(String.class).findOne())
                .orElseThrow(() -> new InventoryException.NotFound("unknown site " + siteId));
        HsStatus status = client.devices();
        String prefix = SOURCE + ":" + siteSlug + ":";
        Known known = known(siteId, prefix);
        Optional<Instant> watermark = full ? Optional.empty() : lastWatermark(siteId);
        UUID run = tx.ids().next();
        tx.write(actor, Optional.empty(), "start HomeSeer import", h -> h.createUpdate("INSERT INTO import_run"
                        + " (id, site_id, source, actor, started_at) VALUES (:run, :site, :source, :actor, :at)")
                .bind("run", run).bind("site", siteId).bind("source", SOURCE).bind("actor", actor)
                .bind("at", tx.clock().instant()).execute());

        List<String> plugins = status.devices().stream().map(HsDevice::interfaceName).filter(s -> !s.isBlank()).toList();
        DeviceSync unit = new DeviceSync(siteId, prefix, ownership, pseudo.plus(plugins));
        Tally tally = new Tally(status.rejected(), watermark.orElse(Instant.EPOCH));
        // roots first, so that a child's parent exists when the child is written
        List<HsDevice> devices = status.devices().stream()
                .sorted(Comparator.comparing(d -> d.relationship() != HsDevice.Relationship.ROOT)).toList();
        Set<String> notReported = new HashSet<>(known.keys());
        for (int i = 0; i < devices.size(); i++) {
            HsDevice d = devices.get(i);
            notReported.remove(prefix + d.ref());
            tally.seen(d, unit.pseudoNames(d));
            Optional<HomeSeerFacts> stored = Optional.ofNullable(known.facts().get(d.ref()));
            if (watermark.isPresent() && known.keys().contains(prefix + d.ref()) && stored.isPresent()
                    && unchanged(d, stored.get().reported(), watermark.get())) {
                tally.skipped++;
            } else {
                applyOne(unit, d, stored, actor, run, tally, status.json().getOrDefault(d.ref(), d.toString()));
            }
            progress.update("devices", i + 1, devices.size());
        }
        List<String> missing = full ? notReported.stream().sorted().toList() : List.of();
        finish(run, status.devices().size() + status.rejected().size(), tally, missing);
        return new HomeSeerSyncResult(run, full, status.devices().size() + status.rejected().size(), tally.created,
                tally.updated, tally.unchanged, tally.skipped, tally.kept, missing, List.copyOf(tally.pseudo),
                tally.rejected);
    }

    private void applyOne(DeviceSync unit, HsDevice d, Optional<HomeSeerFacts> stored, String actor, UUID run,
                          Tally tally, String json) {
        try {
            DeviceSync.Outcome o = store.transactions().write(actor, Optional.of(run), "HomeSeer device ref " + d.ref(),
                    h -> unit.apply(h, d, stored, run));
            tally.count(o);
        } catch (InventoryException | IllegalArgumentException e) {
            LOG.warn("HomeSeer at {}: device ref {} ('{}') rejected: {}", client.base(), d.ref(), d.name(),
                    e.getMessage());
            tally.rejected.add(new RowRejection("ref " + d.ref(), d.name(), e.getMessage(), json));
        }
    }

    /** Nothing but the status may have changed, and HomeSeer says the status did not change since the watermark. */
    private static boolean unchanged(HsDevice now, HsDevice stored, Instant watermark) {
        return now.sameApartFromStatus(stored) && now.lastChange().map(t -> !t.isAfter(watermark)).orElse(true);
    }

    private Known known(UUID siteId, String prefix) {
        return store.transactions().read("known HomeSeer devices", h -> new Known(Set.copyOf(h.createQuery(
                        "SELECT source_key FROM integration_ref WHERE site_id = :site AND source_key LIKE :prefix")
                .bind("site", siteId).bind("prefix", prefix + "%").mapTo(String.class).list()),
                HomeSeerDevices.bySite(h, siteId)));
    }

    private Optional<Instant> lastWatermark(UUID siteId) {
        return store.transactions().read("last HomeSeer run", h -> h.createQuery("SELECT summary ->> 'watermark'"
                        + " FROM import_run WHERE site_id = :site AND source = :source AND finished_at IS NOT NULL"
                        + " ORDER BY started_at DESC, finished_at DESC LIMIT 1")
                .bind("site", siteId).bind("source", SOURCE).mapTo(String.class).findOne()
                .map(Instant::parse));
    }

    private void finish(UUID run, int seen, Tally tally, List<String> missing) {
        Map<String, Object> summary = new TreeMap<>();
        summary.put("watermark", tally.newest.toString());
        summary.put("created", tally.created);
        summary.put("updated", tally.updated);
        summary.put("unchanged", tally.unchanged);
        summary.put("skipped", tally.skipped);
        summary.put("fields_kept", tally.kept);
        summary.put("missing", missing);
        summary.put("pseudo_locations", List.copyOf(tally.pseudo));
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(summary);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Transactions tx = store.transactions();
        tx.write("import:" + SOURCE, Optional.empty(), "finish HomeSeer import", h -> {
            ImportRejections.store(h, run, tally.rejected);
            return h.createUpdate("UPDATE import_run SET finished_at = :at, accepted = :accepted, rejected = :rejected,"
                            + " summary = CAST(:summary AS jsonb) WHERE id = :run")
                    .bind("at", tx.clock().instant()).bind("accepted", seen - tally.rejected.size())
                    .bind("rejected", tally.rejected.size()).bind("summary", json).bind("run", run).execute();
        });
    }

    /** The device slug for a HomeSeer device: its name with the ref appended, e.g. {@code temperature-3398}. */
    static Slug deviceSlug(HsDevice d) {
        return Slugs.withSuffix(d.name(), String.valueOf(d.ref()), "device");
    }

    /** The site's HomeSeer devices before the sync: their source keys and stored facts by ref. */
    private record Known(Set<String> keys, Map<Integer, HomeSeerFacts> facts) {
    }

    /** The counters of one sync. */
    private static final class Tally {
        final List<RowRejection> rejected;
        final TreeSet<String> pseudo = new TreeSet<>();
        Instant newest;
        int created;
        int updated;
        int unchanged;
        int skipped;
        int kept;

        Tally(List<RowRejection> rejectedByClient, Instant newest) {
            this.rejected = new ArrayList<>(rejectedByClient);
            this.newest = newest;
        }

        void seen(HsDevice d, List<String> pseudoNames) {
            newest = d.lastChange().filter(newest::isBefore).orElse(newest);
            pseudo.addAll(pseudoNames);
        }

        void count(DeviceSync.Outcome o) {
            switch (o.kind()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                default -> unchanged++;
            }
            kept += o.kept();
        }
    }
}

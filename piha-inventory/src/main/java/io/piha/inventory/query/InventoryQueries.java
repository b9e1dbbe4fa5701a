package io.piha.inventory.query;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.SiteScope;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.internal.JdbiInventoryQueries;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only views for people browsing the inventory (the web dashboard): device search with paging and sorting,
 * devices with what was last seen of them, status counts, import runs and pages of the audit log. Every query is
 * scoped by site. Thread-safe.
 *
 * @since 0.1
 */
public interface InventoryQueries {

    /** The queries of a store. */
    static InventoryQueries of(InventoryStore store) {
        return new JdbiInventoryQueries(Objects.requireNonNull(store, "store").transactions());
    }

    /**
     * One page of the devices that match, with the total count of matches.
     *
     * @param onlineSince a device last seen at or after this instant is online, before it offline
     */
    DevicePage search(SiteScope scope, DeviceQuery query, Instant onlineSince);

    /** One device with its last sighting, if it is within the scope. */
    Optional<DeviceSummary> device(SiteScope scope, UUID id, Instant onlineSince);

    /** Every device of one site with its last sighting, ordered by slug (for the topology). */
    List<DeviceSummary> siteDevices(UUID siteId, Instant onlineSince);

    /** How many devices of the scope are online, offline or never seen. */
    StatusCounts statusCounts(SiteScope scope, Instant onlineSince);

    /** The newest import runs of the scope, newest first. */
    List<ImportRun> importRuns(SiteScope scope, int limit);

    /** Audit entries of the scope older than {@code beforeId} (all, if empty), newest first, at most {@code limit}. */
    List<AuditRecord> auditPage(SiteScope scope, Optional<Long> beforeId, int limit);

    /** One audit entry, if it is within the scope. */
    Optional<AuditRecord> auditEntry(SiteScope scope, long id);

    /** Which field a search text is matched against. */
    enum Field {
        /** Name, slug, MAC, IP or vendor. */
        ANY,
        /** Name or slug (case-insensitive substring). */
        NAME,
        /** A MAC address, whole (any notation) or a run of its hex digits. */
        MAC,
        /** An IP address, whole or its beginning, as last seen or as allocated. */
        IP,
        /** The vendor, from the device's metadata or from its sightings (case-insensitive substring). */
        VENDOR
    }

    /** The orders of a device list. */
    enum Sort {
        /** By name, then slug. */
        NAME,
        /** By slug. */
        SLUG,
        /** By last sighting, newest first; never-seen devices last. */
        LAST_SEEN,
        /** By last seen IP address; devices without one last. */
        IP
    }

    /** Whether a device was seen lately. */
    enum Status {
        /** Seen at or after the online threshold. */
        ONLINE,
        /** Seen, but not since the threshold. */
        OFFLINE,
        /** Never seen by any source. */
        UNKNOWN
    }

    /**
     * A device search.
     *
     * @param text what to look for; blank matches every device
     * @param field where to look
     * @param sort the order
     * @param descending whether to reverse the order
     * @param offset matches to skip (0 or more)
     * @param limit matches per page (1-500)
     */
    record DeviceQuery(String text, Field field, Sort sort, boolean descending, int offset, int limit) {
        /** @throws IllegalArgumentException naming the value if offset or limit is out of range */
        public DeviceQuery {
            text = text == null ? "" : text.strip();
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(sort, "sort");
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
            }
            if (limit < 1 || limit > 500) {
                throw new IllegalArgumentException("limit must be 1-500, was " + limit);
            }
        }
    }

    /**
     * One page of a search.
     *
     * @param devices the devices of the page
     * @param total how many devices match in all
     */
    record DevicePage(List<DeviceSummary> devices, long total) {
        /** Copies the list. */
        public DevicePage {
            devices = List.copyOf(devices);
        }
    }

    /**
     * A device with what was last seen of it.
     *
     * @param device the curated record
     * @param zoneName the name of its zone, if it has one
     * @param ip the address of its newest sighting, if any
     * @param vendor its vendor, from the metadata or the newest sighting, if known
     * @param lastSeen when any source last saw one of its MACs
     * @param status online, offline or unknown
     */
    record DeviceSummary(Device device, Optional<String> zoneName, Optional<IpAddress> ip, Optional<String> vendor,
                         Optional<Instant> lastSeen, Status status) {
        /** @throws NullPointerException if a component is null */
        public DeviceSummary {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(zoneName, "zoneName");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Devices by status.
     *
     * @param online seen since the threshold
     * @param offline seen, but not since
     * @param unknown never seen
     */
    record StatusCounts(long online, long offline, long unknown) {
        /** Every device. */
        public long total() {
            return online + offline + unknown;
        }
    }

    /**
     * One import as {@code import_run} keeps it.
     *
     * @param id the run
     * @param siteId the site imported into
     * @param source {@code scan} or {@code homeseer}
     * @param actor who started it
     * @param startedAt when it started
     * @param finishedAt when it finished; empty while running or if it failed
     * @param accepted rows or devices accepted
     * @param rejected rows or devices refused
     * @param summary the importer's counts as JSON
     */
    record ImportRun(UUID id, UUID siteId, String source, String actor, Instant startedAt,
                     Optional<Instant> finishedAt, int accepted, int rejected, String summary) {
        /** @throws NullPointerException if a component is null */
        public ImportRun {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
            Objects.requireNonNull(summary, "summary");
        }
    }
}

package io.piha.inventory.scan;

/**
 * The statements of a scan import. Those that change what the site already has read the staged rows of the MACs
 * it knows ({@code scan_stage}) and write only rows that really change, so a repeated import writes nothing; what
 * is new to the site is copied in by the importer, which never inserts with a query that reads the table it
 * grows (with stale statistics saying that table is empty, such an anti-join is planned as a nested loop over it:
 * quadratic, two minutes for 100,000 sightings).
 */
final class ScanSql {

    private ScanSql() {
    }

    /** The MACs the site's devices have. */
    static final String SITE_DEVICE_MACS = "SELECT mac::text FROM device_mac WHERE site_id = :site";

    /** The MACs the site has scan sightings of. */
    static final String SITE_SIGHTED_MACS = "SELECT mac::text FROM sighting WHERE site_id = :site AND source = :source";

    /** Which of the given slugs devices of the site already have (for a few candidates). */
    static final String TAKEN_SLUGS = "SELECT slug FROM device WHERE site_id = :site AND slug = ANY (:slugs)";

    /** The site's slugs of the form new devices get (for more candidates than the site has devices). */
    static final String MAC_SLUGS = "SELECT slug FROM device WHERE site_id = :site AND slug LIKE 'mac-%'";

    /**
     * The staging table the scanned rows of MACs the site knows are copied into, dropped when the transaction
     * ends.
     */
    static final String CREATE_STAGE = """
            CREATE TEMP TABLE scan_stage (row_no integer NOT NULL, mac macaddr NOT NULL, ip inet NOT NULL,
                hostname text, vendor text, seen timestamptz NOT NULL) ON COMMIT DROP""";

    static final String COPY_STAGE = "COPY scan_stage (row_no, mac, ip, hostname, vendor, seen) FROM STDIN (FORMAT binary)";

    static final String MOVED = """
            SELECT s.mac::text, host(t.ip), host(s.ip) FROM scan_stage s
            JOIN sighting t ON t.site_id = :site AND t.mac = s.mac AND t.source = :source
            WHERE t.ip <> s.ip ORDER BY s.row_no""";

    /**
     * The devices of new MACs. No ownership row is written: a device without one was named by the scan, and the
     * scan may rename it.
     */
    static final String COPY_DEVICES = "COPY device (id, site_id, slug, name, metadata) FROM STDIN (FORMAT binary)";

    static final String COPY_MACS = "COPY device_mac (site_id, mac, device_id) FROM STDIN (FORMAT binary)";

    /** The importer's own audit entries (see {@link ScanImporter}). */
    static final String COPY_AUDIT = "COPY audit_log (at, actor, action, object_type, object_id, site_id, after,"
            + " import_run_id) FROM STDIN (FORMAT binary)";

    /** New observations. */
    static final String COPY_SIGHTINGS = "COPY sighting (site_id, mac, source, ip, hostname, vendor, first_seen,"
            + " last_seen, import_run_id) FROM STDIN (FORMAT binary)";

    /** A trace for every name a stronger source owns, once per change of the scanned host name. */
    static final String AUDIT_KEPT_NAMES = """
            INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
            SELECT audit_at(), audit_actor(), 'keep-field', 'device', d.id, :site,
                   jsonb_build_object('name', d.name, 'owner', o.source),
                   jsonb_build_object('name', s.hostname, 'source', :source), :run
            FROM scan_stage s
            JOIN device_mac dm ON dm.site_id = :site AND dm.mac = s.mac
            JOIN device d ON d.id = dm.device_id
            JOIN device_field_owner o ON o.device_id = d.id AND o.field = 'name'
            LEFT JOIN sighting t ON t.site_id = :site AND t.mac = s.mac AND t.source = :source
            WHERE s.hostname IS NOT NULL AND d.name IS DISTINCT FROM s.hostname
              AND o.source <> ALL (CAST(:overwritable AS text[]))
              AND t.hostname IS DISTINCT FROM s.hostname
            """;

    /** New host names of devices whose name the scan may set. */
    static final String RENAME_DEVICES = """
            UPDATE device d SET name = left(s.hostname, 200), version = d.version + 1
            FROM scan_stage s
            JOIN device_mac dm ON dm.site_id = :site AND dm.mac = s.mac
            LEFT JOIN device_field_owner o ON o.device_id = dm.device_id AND o.field = 'name'
            WHERE d.id = dm.device_id AND s.hostname IS NOT NULL AND d.name IS DISTINCT FROM left(s.hostname, 200)
              AND coalesce(o.source, 'scan') = ANY (CAST(:overwritable AS text[]))
            """;

    /** Known observations, touched only if something about them changed. */
    static final String UPDATE_SIGHTINGS = """
            UPDATE sighting t SET
                previous_ip = CASE WHEN t.ip IS DISTINCT FROM s.ip THEN t.ip ELSE t.previous_ip END,
                ip = s.ip, hostname = s.hostname, vendor = s.vendor,
                first_seen = least(t.first_seen, s.seen), last_seen = greatest(t.last_seen, s.seen),
                import_run_id = :run
            FROM scan_stage s
            WHERE t.site_id = :site AND t.mac = s.mac AND t.source = :source
              AND (t.ip IS DISTINCT FROM s.ip OR t.hostname IS DISTINCT FROM s.hostname
                   OR t.vendor IS DISTINCT FROM s.vendor OR s.seen > t.last_seen OR s.seen < t.first_seen)
            """;
}

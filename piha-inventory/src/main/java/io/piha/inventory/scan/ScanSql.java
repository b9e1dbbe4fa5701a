package io.piha.inventory.scan;

/**
 * The set-based statements of a scan import. Each reads the staged scan ({@code scan_stage}, and the rows whose
 * MAC is new to the site in {@code scan_new}) and writes only rows that really change, so a repeated import
 * writes nothing.
 */
final class ScanSql {

    private ScanSql() {
    }

    /**
     * The staging table the scan is copied into, dropped when the transaction ends. Each row carries the device it
     * would become if its MAC is new to the site (id, slug, name and metadata, worked out by the importer).
     */
    static final String CREATE_STAGE = """
            CREATE TEMP TABLE scan_stage (idx integer NOT NULL, row_no integer NOT NULL, mac macaddr NOT NULL,
                ip inet NOT NULL, hostname text, vendor text, seen timestamptz NOT NULL,
                device_id uuid NOT NULL, slug text NOT NULL, name text NOT NULL, metadata text NOT NULL) ON COMMIT DROP""";

    static final String COPY_STAGE = "COPY scan_stage (idx, row_no, mac, ip, hostname, vendor, seen, device_id, slug,"
            + " name, metadata) FROM STDIN (FORMAT csv)";

    /** The scan's MACs that no device of the site has, and whether another device already has the slug. */
    static final String STAGE_NEW = """
            CREATE TEMP TABLE scan_new ON COMMIT DROP AS
            SELECT s.idx, s.row_no, s.mac, s.device_id, s.slug, s.name, s.metadata,
                   EXISTS (SELECT 1 FROM device d WHERE d.site_id = :site AND d.slug = s.slug) AS slug_taken
            FROM scan_stage s
            WHERE NOT EXISTS (SELECT 1 FROM device_mac dm WHERE dm.site_id = :site AND dm.mac = s.mac)""";

    static final String NEW_ROWS = "SELECT idx, slug_taken FROM scan_new ORDER BY row_no";

    static final String MOVED = """
            SELECT s.mac::text, host(t.ip), host(s.ip) FROM scan_stage s
            JOIN sighting t ON t.site_id = :site AND t.mac = s.mac AND t.source = :source
            WHERE t.ip <> s.ip ORDER BY s.row_no""";

    /**
     * A device for every new MAC. No ownership row is written: a device without one was named by the scan, and
     * the scan may rename it.
     */
    static final String CREATE_DEVICES = """
            INSERT INTO device (id, site_id, slug, name, metadata)
            SELECT n.device_id, :site, n.slug, n.name, CAST(n.metadata AS jsonb) FROM scan_new n
            WHERE NOT n.slug_taken""";

    static final String LINK_MACS = """
            INSERT INTO device_mac (site_id, mac, device_id)
            SELECT :site, n.mac, n.device_id FROM scan_new n WHERE NOT n.slug_taken""";

    /** The importer's own audit entries (see {@link ScanImporter}). */
    static final String COPY_AUDIT = "COPY audit_log (at, actor, action, object_type, object_id, site_id, after,"
            + " import_run_id) FROM STDIN (FORMAT csv)";

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
              AND NOT EXISTS (SELECT 1 FROM scan_new n WHERE n.mac = s.mac)
            """;

    /** New host names of devices whose name the scan may set. */
    static final String RENAME_DEVICES = """
            UPDATE device d SET name = left(s.hostname, 200), version = d.version + 1
            FROM scan_stage s
            JOIN device_mac dm ON dm.site_id = :site AND dm.mac = s.mac
            LEFT JOIN device_field_owner o ON o.device_id = dm.device_id AND o.field = 'name'
            WHERE d.id = dm.device_id AND s.hostname IS NOT NULL AND d.name IS DISTINCT FROM left(s.hostname, 200)
              AND coalesce(o.source, 'scan') = ANY (CAST(:overwritable AS text[]))
              AND NOT EXISTS (SELECT 1 FROM scan_new n WHERE n.mac = s.mac)
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

    /** New observations. */
    static final String INSERT_SIGHTINGS = """
            INSERT INTO sighting (site_id, mac, source, ip, hostname, vendor, first_seen, last_seen, import_run_id)
            SELECT :site, s.mac, :source, s.ip, s.hostname, s.vendor, s.seen, s.seen, :run FROM scan_stage s
            WHERE NOT EXISTS (SELECT 1 FROM sighting t WHERE t.site_id = :site AND t.mac = s.mac AND t.source = :source)
            """;
}

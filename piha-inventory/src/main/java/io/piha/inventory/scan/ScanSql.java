package io.piha.inventory.scan;

/** The set-based statements of a scan import; each writes only rows that really change. */
final class ScanSql {

    private ScanSql() {
    }

    /**
     * A device for every MAC the site does not know yet, with its MAC. No ownership row is written: a
     * device without one was named by the scan, and the scan may rename it.
     */
    static final String CREATE_DEVICES = """
            WITH created AS (
                INSERT INTO device (id, site_id, slug, name, metadata)
                SELECT gen_random_uuid(), :site, s.slug,
                       left(coalesce(s.hostname, s.vendor || ' ' || s.mac::text, s.mac::text), 200),
                       jsonb_strip_nulls(jsonb_build_object('vendor', s.vendor, 'discovered_by', 'scan'))
                FROM scan_stage s
                WHERE NOT EXISTS (SELECT 1 FROM device_mac dm WHERE dm.site_id = :site AND dm.mac = s.mac)
                ON CONFLICT (site_id, slug) DO NOTHING
                RETURNING id, slug)
            INSERT INTO device_mac (site_id, mac, device_id)
            SELECT :site, s.mac, c.id FROM created c JOIN scan_stage s ON s.slug = c.slug
            """;

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

    /** Observations: insert new MACs, and touch known ones only if something about them changed. */
    static final String UPSERT_SIGHTINGS = """
            INSERT INTO sighting AS t (site_id, mac, source, ip, hostname, vendor, first_seen, last_seen, import_run_id)
            SELECT :site, s.mac, :source, s.ip, s.hostname, s.vendor, s.seen, s.seen, :run FROM scan_stage s
            ON CONFLICT (site_id, mac, source) DO UPDATE SET
                previous_ip = CASE WHEN t.ip IS DISTINCT FROM excluded.ip THEN t.ip ELSE t.previous_ip END,
                ip = excluded.ip, hostname = excluded.hostname, vendor = excluded.vendor,
                first_seen = least(t.first_seen, excluded.first_seen),
                last_seen = greatest(t.last_seen, excluded.last_seen),
                import_run_id = excluded.import_run_id
            WHERE t.ip IS DISTINCT FROM excluded.ip OR t.hostname IS DISTINCT FROM excluded.hostname
               OR t.vendor IS DISTINCT FROM excluded.vendor
               OR excluded.last_seen > t.last_seen OR excluded.first_seen < t.first_seen
            """;
}

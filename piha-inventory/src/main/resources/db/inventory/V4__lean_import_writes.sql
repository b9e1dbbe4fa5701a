-- PiHA inventory, schema 4: fewer index entries and less JSON parsing per row an import writes.
--
-- A scan import writes four rows per new MAC (device, device_mac, sighting, audit_log). Two of the indexes those
-- rows maintained served only a rare read, and the audit documents were parsed into jsonb although nothing ever
-- queries inside them. docs/benchmarks.md has the figures.

-- 1. Audit documents are kept as the JSON text they were written in (validated, not converted). The log is
--    written far more often than it is read, and it is read whole (AuditTrail returns the text): jsonb's parse
--    into a binary tree was a quarter of writing a created device's entry. Documents the triggers build with
--    to_jsonb are stored in jsonb's text form, as before.
ALTER TABLE audit_log ALTER COLUMN before TYPE json USING before::json,
                      ALTER COLUMN after TYPE json USING after::json;

-- 2. The entries of one import run are found with a block-range index. The log is append-only and run ids are
--    time-ordered (version 7 UUIDs), so each run occupies a few adjacent block ranges; a B-tree paid an entry per
--    audit row for a lookup made once per run report.
DROP INDEX audit_log_by_run;
CREATE INDEX audit_log_by_run ON audit_log USING brin (import_run_id);

-- 3. Sightings by address: only the diff report's IP-conflict query used it, and that query reads all of a
--    site's recent sightings anyway (a hash join over the primary key's site range). Without it, no sighting index
--    covers a column an import updates.
DROP INDEX sighting_by_ip;

-- 4. Foreign keys checked per statement (schema 2), with a fast path for rows that refer to rows this transaction
--    wrote itself: the MACs of the devices an import has just created. No one else can see such a row, let alone
--    delete it, so it needs neither a lock nor a second look. The fast path probes the referenced table once per
--    written row and stops at the first row that is not so covered; only then does schema 2's slow path run,
--    unchanged (lock the keys, then look again in a new snapshot). An import's 100,000 MACs thus cost one probe
--    each instead of two passes over their distinct keys. The LIMIT keeps the probe a nested loop whatever the
--    statement's size, so the plan a session caches for a one-row statement serves a 100,000-row one as well.
DO $generate$
DECLARE
    fk record;
    here text := current_schema();
    -- format(template, a[i], b[i]) for each i, joined by sep
    list CONSTANT text := 'SELECT string_agg(format($1, x, y), $4) FROM unnest($2, $3) u (x, y)';
    keys text;          -- n.col, ...
    present text;       -- n.col IS NOT NULL AND ...
    matches text;       -- p.parent_col = n.col AND ...
BEGIN
    FOR fk IN SELECT name, string_to_array(cols, ',') AS cols, parent, string_to_array(parent_cols, ',') AS parent_cols
              FROM (VALUES
                  ('device_site_id_fkey', 'site_id', 'site', 'id'),
                  ('device_zone_same_site', 'zone_id,site_id', 'zone', 'id,site_id'),
                  ('device_mac_device', 'device_id,site_id', 'device', 'id,site_id'),
                  ('sighting_site_id_fkey', 'site_id', 'site', 'id'),
                  ('sighting_import_run_id_fkey', 'import_run_id', 'import_run', 'id'))
                  AS v (name, cols, parent, parent_cols) LOOP
        EXECUTE list INTO keys USING 'n.%I', fk.cols, fk.cols, ', ';
        EXECUTE list INTO present USING 'n.%I IS NOT NULL', fk.cols, fk.cols, ' AND ';
        EXECUTE list INTO matches USING 'p.%I = n.%I', fk.parent_cols, fk.cols, ' AND ';
        EXECUTE format($f$
            CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
            DECLARE
                missing text;
            BEGIN
                -- fast path: is there a written key whose row is not this transaction's own?
                PERFORM 1 FROM new_rows n WHERE %5$s AND NOT EXISTS (SELECT 1 FROM %2$I.%3$I p
                    WHERE %6$s AND p.xmin = pg_current_xact_id()::xid) LIMIT 1;
                IF NOT FOUND THEN
                    RETURN NULL;
                END IF;
                PERFORM 1 FROM %2$I.%3$I p JOIN (SELECT DISTINCT %4$s FROM new_rows n WHERE %5$s) n ON %6$s
                WHERE p.xmin <> pg_current_xact_id()::xid FOR KEY SHARE OF p;
                -- a new snapshot: deletes committed while the lock waited are seen
                SELECT concat_ws(', ', %4$s) INTO missing FROM (SELECT DISTINCT %4$s FROM new_rows n WHERE %5$s) n
                WHERE NOT EXISTS (SELECT 1 FROM %2$I.%3$I p WHERE %6$s) LIMIT 1;
                IF missing IS NOT NULL THEN
                    RAISE EXCEPTION 'insert or update on table "%%" violates foreign key constraint "%7$s"', TG_TABLE_NAME
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = %7$L, TABLE = TG_TABLE_NAME,
                              DETAIL = format('Key (%8$s)=(%%s) is not present in table "%3$s".', missing);
                END IF;
                RETURN NULL;
            END $body$ $f$,
            fk.name || '_references', here, fk.parent, keys, present, matches, fk.name,
            array_to_string(fk.cols, ', '));
    END LOOP;
END $generate$;

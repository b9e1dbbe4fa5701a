-- PiHA inventory, schema 2: the same rules, paid for once per statement rather than once per row.
--
-- A 100,000-device scan import spent most of its time in work PostgreSQL does for every inserted row whatever
-- the statement looks like: one referential check per foreign key, two audit rows per new device (the device
-- and its MAC), and a slug pattern whose bounded repetition is slow to match. docs/inventory.md explains the
-- change and docs/benchmarks.md has the figures.

-- 1. Slugs: the same language as schema 1, without the {0,61} repetition the regex engine expands per row.
ALTER DOMAIN slug DROP CONSTRAINT slug_check;
ALTER DOMAIN slug ADD CONSTRAINT slug_check
    CHECK (VALUE ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' AND length(VALUE) <= 63);

-- 2. Foreign keys checked per statement.
--
-- On device, device_mac and sighting (the tables an import fills) five declarative foreign keys become
-- statement-level triggers over the transition tables, keeping their names, SQLSTATE 23503 and messages:
--  * referencing side, after each INSERT or UPDATE statement: the distinct keys the statement wrote are locked
--    FOR KEY SHARE in one query (the declarative check runs its query once per row), then looked up; a key not
--    found fails the statement;
--  * referenced side, after each DELETE or UPDATE statement: rows that still refer to a key that no longer
--    exists are refused (NO ACTION) or deleted (CASCADE), as before;
--  * TRUNCATE of a referenced table is refused, as PostgreSQL refuses it for declarative keys.
-- The lock is what keeps this safe between concurrent transactions: a delete of a referenced row waits for a
-- writer that locked it and then sees that writer's rows; a writer that comes second waits for the delete and
-- then finds the key gone (StatementForeignKeysTest runs both orders on two connections). Rows this
-- transaction wrote itself are not locked: no one else can see them, and a lock is a write per row.
--
-- Each constraint gets its own two trigger functions, generated below from one template, so that their
-- statements are planned once per session like any PL/pgSQL statement, not once per call as dynamic SQL is.

CREATE FUNCTION fk_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cannot truncate table "%": table "%" refers to it through foreign key constraint "%"',
            TG_TABLE_NAME, TG_ARGV[1], TG_ARGV[0]
        USING ERRCODE = 'feature_not_supported', HINT = 'Delete the rows instead, so the references are checked.';
END $$;

ALTER TABLE device DROP CONSTRAINT device_site_id_fkey;
ALTER TABLE device DROP CONSTRAINT device_zone_same_site;
ALTER TABLE device_mac DROP CONSTRAINT device_mac_device;
ALTER TABLE sighting DROP CONSTRAINT sighting_site_id_fkey;
ALTER TABLE sighting DROP CONSTRAINT sighting_import_run_id_fkey;
-- only device_mac's composite key used it; the primary key already makes (id, site_id) unique
ALTER TABLE device DROP CONSTRAINT device_id_site;

DO $generate$
DECLARE
    fk record;
    op text;
    here text := current_schema();
    -- format(template, a[i], b[i]) for each i, joined by sep
    list CONSTANT text := 'SELECT string_agg(format($1, x, y), $4) FROM unnest($2, $3) u (x, y)';
    keys text;          -- n.col, ...
    present text;       -- n.col IS NOT NULL AND ...
    matches text;       -- p.parent_col = n.col AND ...
    old_keys text;      -- o.parent_col, ...
    still text;         -- t.parent_col = o.parent_col AND ...
    refers text;        -- c.col = g.parent_col AND ...
    gone_keys text;     -- g.parent_col, ...
BEGIN
    FOR fk IN SELECT name, child, string_to_array(cols, ',') AS cols, parent,
                     string_to_array(parent_cols, ',') AS parent_cols, on_delete
              FROM (VALUES
                  ('device_site_id_fkey', 'device', 'site_id', 'site', 'id', 'no action'),
                  ('device_zone_same_site', 'device', 'zone_id,site_id', 'zone', 'id,site_id', 'no action'),
                  ('device_mac_device', 'device_mac', 'device_id,site_id', 'device', 'id,site_id', 'cascade'),
                  ('sighting_site_id_fkey', 'sighting', 'site_id', 'site', 'id', 'no action'),
                  ('sighting_import_run_id_fkey', 'sighting', 'import_run_id', 'import_run', 'id', 'no action'))
                  AS v (name, child, cols, parent, parent_cols, on_delete) LOOP
        EXECUTE list INTO keys USING 'n.%I', fk.cols, fk.cols, ', ';
        EXECUTE list INTO present USING 'n.%I IS NOT NULL', fk.cols, fk.cols, ' AND ';
        EXECUTE list INTO matches USING 'p.%I = n.%I', fk.parent_cols, fk.cols, ' AND ';
        EXECUTE list INTO old_keys USING 'o.%I', fk.parent_cols, fk.parent_cols, ', ';
        EXECUTE list INTO still USING 't.%I = o.%I', fk.parent_cols, fk.parent_cols, ' AND ';
        EXECUTE list INTO refers USING 'c.%I = g.%I', fk.cols, fk.parent_cols, ' AND ';
        EXECUTE list INTO gone_keys USING 'g.%I', fk.parent_cols, fk.parent_cols, ', ';

        -- referencing side: lock the distinct keys written, then every one must exist
        EXECUTE format($f$
            CREATE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
            DECLARE
                missing text;
            BEGIN
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

        -- referenced side: the old keys that no longer exist (deleted, or updated to another value)
        EXECUTE format($f$
            CREATE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
            DECLARE
                still_referenced text;
            BEGIN
                IF TG_OP = 'DELETE' AND %2$L = 'cascade' THEN
                    DELETE FROM %3$I.%4$I c
                    USING (SELECT DISTINCT %5$s FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM %3$I.%6$I t WHERE %7$s)) g
                    WHERE %8$s;
                    RETURN NULL;
                END IF;
                SELECT concat_ws(', ', %9$s) INTO still_referenced
                FROM (SELECT DISTINCT %5$s FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM %3$I.%6$I t WHERE %7$s)) g
                WHERE EXISTS (SELECT 1 FROM %3$I.%4$I c WHERE %8$s) LIMIT 1;
                IF still_referenced IS NOT NULL THEN
                    RAISE EXCEPTION 'update or delete on table "%6$s" violates foreign key constraint "%10$s" on table "%4$s"'
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = %10$L, TABLE = %4$L,
                              DETAIL = format('Key (%11$s)=(%%s) is still referenced from table "%4$s".', still_referenced);
                END IF;
                RETURN NULL;
            END $body$ $f$,
            fk.name || '_referenced', fk.on_delete, here, fk.child, old_keys, fk.parent, still, refers, gone_keys,
            fk.name, array_to_string(fk.parent_cols, ', '));

        FOREACH op IN ARRAY ARRAY['insert', 'update'] LOOP
            EXECUTE format('CREATE TRIGGER %1$I AFTER %2$s ON %3$I REFERENCING NEW TABLE AS new_rows'
                           ' FOR EACH STATEMENT EXECUTE FUNCTION %4$I()',
                           fk.name || '_' || op, op, fk.child, fk.name || '_references');
        END LOOP;
        FOREACH op IN ARRAY ARRAY['delete', 'update'] LOOP
            EXECUTE format('CREATE TRIGGER %1$I AFTER %2$s ON %3$I REFERENCING OLD TABLE AS old_rows'
                           ' FOR EACH STATEMENT EXECUTE FUNCTION %4$I()',
                           fk.name || '_referenced_' || op, op, fk.parent, fk.name || '_referenced');
        END LOOP;
        EXECUTE format('CREATE TRIGGER %1$I BEFORE TRUNCATE ON %2$I FOR EACH STATEMENT'
                       ' EXECUTE FUNCTION fk_refuse_truncate(%3$L, %4$L)',
                       fk.name || '_truncate', fk.parent, fk.name, fk.child);
    END LOOP;
END $generate$;

-- 3. Audit.
--
-- The trigger functions of schema 1 built each row's JSON three times (the planner inlined the sub-select into
-- every use of it); OFFSET 0 keeps it one. And an importer that writes its own, richer audit rows for a
-- statement (a device created with its MACs is one 'create' entry listing them, not one per table) names its
-- import run in piha.audited_by_import: the triggers then stay quiet, but only while that run is the
-- transaction's own (piha.import_run) and is still open.
CREATE FUNCTION audit_written_by_import() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM import_run r
                   WHERE r.id = nullif(current_setting('piha.audited_by_import', true), '')::uuid
                     AND r.id = audit_run() AND r.finished_at IS NULL)
$$;

-- One function for the three kinds of statement, replacing schema 1's audit_insert, audit_delete and
-- audit_update (the same steps three times); every audit trigger is re-pointed at it below.
CREATE FUNCTION audit_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stamp timestamptz := audit_at();
    who text := audit_actor();
    run uuid := audit_run();
BEGIN
    IF audit_written_by_import() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
        SELECT stamp, who, 'create', TG_TABLE_NAME, audit_object_id(j), audit_site_id(TG_TABLE_NAME, j), NULL, j, run
        FROM (SELECT to_jsonb(n) AS j FROM new_rows n OFFSET 0) x;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
        SELECT stamp, who, 'delete', TG_TABLE_NAME, audit_object_id(j), audit_site_id(TG_TABLE_NAME, j), j, NULL, run
        FROM (SELECT to_jsonb(o) AS j FROM old_rows o OFFSET 0) x;
    ELSE
        INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
        SELECT stamp, who, 'update', TG_TABLE_NAME, audit_object_id(n.j), audit_site_id(TG_TABLE_NAME, n.j), o.j, n.j,
               run
        FROM (SELECT to_jsonb(r) AS j FROM old_rows r OFFSET 0) o
        JOIN (SELECT to_jsonb(r) AS j FROM new_rows r OFFSET 0) n ON o.j ->> 'id' = n.j ->> 'id'
        WHERE o.j IS DISTINCT FROM n.j;
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tg.oid, tg.tgname, tg.tgrelid::regclass AS tbl, pg_get_triggerdef(tg.oid) AS def, p.proname
             FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
             WHERE p.proname IN ('audit_insert', 'audit_delete', 'audit_update')
               AND p.pronamespace = current_schema()::regnamespace LOOP
        EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tbl);
        EXECUTE replace(t.def, t.proname || '()', 'audit_statement()');
    END LOOP;
END $$;

DROP FUNCTION audit_insert(), audit_delete(), audit_update();

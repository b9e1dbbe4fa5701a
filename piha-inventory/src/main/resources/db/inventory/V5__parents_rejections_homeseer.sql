-- PiHA inventory, schema 5: what an import refuses is kept with its run; a device may have a parent device;
-- HomeSeer's facts about a device live in a table of their own, typed as HomeSeer types them.

-- 1. Rejected rows, kept with their import run: where, the bad value, why, and the row as the source wrote it,
--    so `piha inv import report RUN` can list them after the terminal has scrolled away. A dry run keeps none.
CREATE TABLE import_rejection (
    import_run_id uuid NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    row_label     text NOT NULL,
    value         text NOT NULL,
    reason        text NOT NULL,
    raw           text NOT NULL,
    PRIMARY KEY (import_run_id, position)
);

-- 2. A device's parent: the physical device it is part of (a HomeSeer root and its child features, a switch and
--    its modules). Same site, never its own ancestor; deleting a parent leaves its children without one.
--    Checked by row triggers that fire only for rows that name a parent: a scan import's COPY names none, and a
--    BEFORE row trigger would cost it PostgreSQL's batched insert.
ALTER TABLE device ADD COLUMN parent_id uuid,
    ADD CONSTRAINT device_not_own_parent CHECK (parent_id <> id);
CREATE INDEX device_by_parent ON device (parent_id) WHERE parent_id IS NOT NULL;

CREATE FUNCTION device_parent_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_site uuid;
BEGIN
    -- one re-parenting per site at a time, so two concurrent changes cannot close a loop between them
    PERFORM pg_advisory_xact_lock(hashtext('piha.device-tree:' || NEW.site_id::text));
    SELECT site_id INTO parent_site FROM device WHERE id = NEW.parent_id FOR KEY SHARE;
    IF parent_site IS NULL THEN
        RAISE EXCEPTION 'insert or update on table "device" violates foreign key constraint "device_parent_device"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'device_parent_device', TABLE = 'device',
                  DETAIL = format('Key (parent_id)=(%s) is not present in table "device".', NEW.parent_id);
    END IF;
    IF parent_site <> NEW.site_id THEN
        RAISE EXCEPTION 'device % cannot have parent % of another site', NEW.slug, NEW.parent_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'device_parent_same_site', TABLE = 'device';
    END IF;
    IF EXISTS (WITH RECURSIVE up (id, parent_id) AS (
                   SELECT id, parent_id FROM device WHERE id = NEW.parent_id
                   UNION
                   SELECT d.id, d.parent_id FROM device d JOIN up ON d.id = up.parent_id)
               SELECT 1 FROM up WHERE up.id = NEW.id) THEN
        RAISE EXCEPTION 'device % would become its own ancestor through parent %', NEW.slug, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'device_no_cycle';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER device_parent_insert AFTER INSERT ON device
    FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION device_parent_check();
CREATE TRIGGER device_parent_update AFTER UPDATE OF parent_id, site_id ON device
    FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL AND (NEW.parent_id IS DISTINCT FROM OLD.parent_id
                                                      OR NEW.site_id IS DISTINCT FROM OLD.site_id))
    EXECUTE FUNCTION device_parent_check();

CREATE FUNCTION device_orphans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE device c SET parent_id = NULL, version = c.version + 1 FROM old_rows o WHERE c.parent_id = o.id;
    RETURN NULL;
END $$;
CREATE TRIGGER device_orphans AFTER DELETE ON device REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION device_orphans();

-- 3. What HomeSeer says about a device, one row per HomeSeer device, as HomeSeer types it: numbers as numbers,
--    "never changed" as no date, the note, the hidden flag and the misc bits kept. Observed, like a sighting:
--    not audited (a status that changes every minute is not a change people made). The location names HomeSeer
--    gave are kept as given, with the ones that named no place (a plug-in's name, Z-Wave's "Node 12") listed.
CREATE TABLE homeseer_device (
    device_id        uuid PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    site_id          uuid NOT NULL REFERENCES site (id),
    ref              integer NOT NULL CHECK (ref > 0),
    name             text NOT NULL,
    location         text NOT NULL,
    location2        text NOT NULL,
    pseudo_locations text[] NOT NULL DEFAULT '{}',
    relationship     text NOT NULL CHECK (relationship IN ('root', 'standalone', 'child', 'unknown')),
    parent_ref       integer,
    associated_refs  integer[] NOT NULL DEFAULT '{}',
    device_type      text NOT NULL DEFAULT '',
    interface_name   text NOT NULL DEFAULT '',
    value            double precision,
    status           text NOT NULL DEFAULT '',
    last_change      timestamptz,
    hidden           boolean NOT NULL DEFAULT false,
    user_note        text NOT NULL DEFAULT '',
    misc             bigint,
    import_run_id    uuid,
    CONSTRAINT homeseer_device_ref_unique UNIQUE (site_id, ref)
);

-- Devices imported by schema 4's importer kept these facts as homeseer.* metadata text: move them, typed. The
-- year-1 dates it stored for "never changed" become no date.
INSERT INTO homeseer_device (device_id, site_id, ref, name, location, location2, relationship, parent_ref,
                             associated_refs, device_type, interface_name, value, status, last_change)
SELECT d.id, d.site_id, (m ->> 'homeseer.ref')::integer, coalesce(m ->> 'homeseer.name', d.name),
       coalesce(m ->> 'homeseer.location', ''), coalesce(m ->> 'homeseer.location2', ''),
       coalesce(nullif(m ->> 'homeseer.relationship', ''), 'unknown'),
       CASE WHEN m ->> 'homeseer.relationship' = 'child'
            THEN (string_to_array(nullif(m ->> 'homeseer.associated_devices', ''), ','))[1]::integer END,
       coalesce(string_to_array(nullif(m ->> 'homeseer.associated_devices', ''), ',')::integer[], '{}'),
       coalesce(m ->> 'homeseer.device_type', ''), coalesce(m ->> 'homeseer.interface', ''),
       CASE WHEN m ->> 'homeseer.value' ~ '^\s*-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*$'
            THEN (m ->> 'homeseer.value')::double precision END,
       coalesce(m ->> 'homeseer.status', ''),
       CASE WHEN (m ->> 'homeseer.last_change')::timestamptz > '1900-01-01T00:00:00Z'
            THEN (m ->> 'homeseer.last_change')::timestamptz END
FROM (SELECT d.*, d.metadata AS m FROM device d) d
WHERE m ->> 'homeseer.ref' ~ '^[0-9]+$' AND (m ->> 'homeseer.ref')::integer > 0
ON CONFLICT DO NOTHING;

UPDATE device d SET metadata = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}')
                                FROM jsonb_each(d.metadata) e WHERE e.key NOT LIKE 'homeseer.%')
WHERE EXISTS (SELECT 1 FROM jsonb_object_keys(d.metadata) k WHERE k LIKE 'homeseer.%');

UPDATE device c SET parent_id = hp.device_id
FROM homeseer_device hc JOIN homeseer_device hp ON hp.site_id = hc.site_id AND hp.ref = hc.parent_ref
WHERE c.id = hc.device_id AND c.id <> hp.device_id;

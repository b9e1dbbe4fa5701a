-- PiHA inventory, schema 1. Every rule that keeps the data whole lives here, not only in Java:
-- slugs unique within a site, zones nested within one site without cycles, typed MAC/IP/CIDR/VLAN,
-- and an audit row for every change, written by triggers in the same transaction.

CREATE DOMAIN slug AS text
    CHECK (VALUE ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$');
CREATE DOMAIN display_name AS text
    CHECK (length(btrim(VALUE)) BETWEEN 1 AND 200 AND VALUE !~ '[[:cntrl:]]');

CREATE TABLE organisation (
    id      uuid PRIMARY KEY,
    slug    slug NOT NULL UNIQUE,
    name    display_name NOT NULL,
    version bigint NOT NULL DEFAULT 0
);

CREATE TABLE site (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    slug            slug NOT NULL,
    name            display_name NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT site_slug_unique UNIQUE (organisation_id, slug)
);

CREATE TABLE zone (
    id        uuid PRIMARY KEY,
    site_id   uuid NOT NULL REFERENCES site (id),
    parent_id uuid,
    slug      slug NOT NULL,
    name      display_name NOT NULL,
    version   bigint NOT NULL DEFAULT 0,
    CONSTRAINT zone_slug_unique UNIQUE (site_id, slug),
    CONSTRAINT zone_id_site UNIQUE (id, site_id),
    -- the parent must be a zone of the same site
    CONSTRAINT zone_parent_same_site FOREIGN KEY (parent_id, site_id) REFERENCES zone (id, site_id),
    CONSTRAINT zone_not_own_parent CHECK (parent_id <> id)
);

CREATE FUNCTION zone_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    -- one re-parenting per site at a time, so two concurrent moves cannot close a loop between them
    PERFORM pg_advisory_xact_lock(hashtext('piha.zone-tree:' || NEW.site_id::text));
    IF EXISTS (WITH RECURSIVE up (id, parent_id) AS (
                   SELECT id, parent_id FROM zone WHERE id = NEW.parent_id
                   UNION
                   SELECT z.id, z.parent_id FROM zone z JOIN up ON z.id = up.parent_id)
               SELECT 1 FROM up WHERE up.id = NEW.id) THEN
        RAISE EXCEPTION 'zone % would become its own ancestor through parent %', NEW.slug, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'zone_no_cycle';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER zone_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON zone
    FOR EACH ROW EXECUTE FUNCTION zone_no_cycle();

CREATE TABLE device (
    id       uuid PRIMARY KEY,
    site_id  uuid NOT NULL REFERENCES site (id),
    zone_id  uuid,
    slug     slug NOT NULL,
    name     display_name NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    version  bigint NOT NULL DEFAULT 0,
    CONSTRAINT device_slug_unique UNIQUE (site_id, slug),
    CONSTRAINT device_id_site UNIQUE (id, site_id),
    CONSTRAINT device_zone_same_site FOREIGN KEY (zone_id, site_id) REFERENCES zone (id, site_id)
);

-- A MAC belongs to at most one device per site; a device may have several.
CREATE TABLE device_mac (
    site_id   uuid NOT NULL,
    mac       macaddr NOT NULL,
    device_id uuid NOT NULL,
    CONSTRAINT device_mac_unique PRIMARY KEY (site_id, mac),
    CONSTRAINT device_mac_device FOREIGN KEY (device_id, site_id) REFERENCES device (id, site_id) ON DELETE CASCADE
);
CREATE INDEX device_mac_by_mac ON device_mac (mac);
CREATE INDEX device_mac_by_device ON device_mac (device_id);

-- How an integration knows a device: a stable key such as homeseer:<site>:<ref>.
CREATE TABLE integration_ref (
    source_key text PRIMARY KEY CHECK (source_key ~ '^[a-z][a-z0-9-]*:.+$'),
    device_id  uuid NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    site_id    uuid NOT NULL REFERENCES site (id)
);
CREATE INDEX integration_ref_by_device ON integration_ref (device_id);

-- Which source last set a device field, so a re-import never silently overwrites a person's edit.
CREATE TABLE device_field_owner (
    device_id uuid NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    field     text NOT NULL,
    source    text NOT NULL,
    PRIMARY KEY (device_id, field)
);

CREATE TABLE network (
    id      uuid PRIMARY KEY,
    site_id uuid NOT NULL REFERENCES site (id),
    cidr    cidr NOT NULL,
    vlan    integer CHECK (vlan BETWEEN 1 AND 4094),
    name    display_name NOT NULL,
    version bigint NOT NULL DEFAULT 0,
    CONSTRAINT network_cidr_unique UNIQUE (site_id, cidr)
);

CREATE TABLE ip_allocation (
    id         uuid PRIMARY KEY,
    network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    ip         inet NOT NULL,
    device_id  uuid REFERENCES device (id) ON DELETE SET NULL,
    CONSTRAINT ip_allocation_unique UNIQUE (network_id, ip)
);

CREATE FUNCTION ip_inside_network() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM network n WHERE n.id = NEW.network_id AND NEW.ip << n.cidr) THEN
        RAISE EXCEPTION 'address % is not inside network %', host(NEW.ip), NEW.network_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ip_inside_network';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ip_inside_network BEFORE INSERT OR UPDATE ON ip_allocation
    FOR EACH ROW EXECUTE FUNCTION ip_inside_network();

CREATE TABLE import_run (
    id          uuid PRIMARY KEY,
    site_id     uuid NOT NULL REFERENCES site (id),
    source      text NOT NULL,
    actor       text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    accepted    integer NOT NULL DEFAULT 0,
    rejected    integer NOT NULL DEFAULT 0,
    summary     jsonb NOT NULL DEFAULT '{}'
);

-- Observed, not curated: what a source saw on a site's network.
CREATE TABLE sighting (
    site_id       uuid NOT NULL REFERENCES site (id),
    mac           macaddr NOT NULL,
    source        text NOT NULL,
    ip            inet NOT NULL,
    previous_ip   inet,
    hostname      text,
    vendor        text,
    first_seen    timestamptz NOT NULL,
    last_seen     timestamptz NOT NULL,
    import_run_id uuid REFERENCES import_run (id),
    PRIMARY KEY (site_id, mac, source),
    CONSTRAINT sighting_seen_order CHECK (last_seen >= first_seen)
);
CREATE INDEX sighting_by_ip ON sighting (site_id, ip);
CREATE INDEX sighting_by_mac ON sighting (mac);

CREATE TABLE audit_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL,
    object_type   text NOT NULL,
    object_id     uuid NOT NULL,
    site_id       uuid,
    before        jsonb,
    after         jsonb,
    -- no foreign key: the log outlives what it describes, and a 100,000-row import should not pay a
    -- referential check per audit row
    import_run_id uuid
);
CREATE INDEX audit_log_by_site ON audit_log (site_id, id);
CREATE INDEX audit_log_by_run ON audit_log (import_run_id);

-- Who and when come from transaction-local settings that the Java side sets (from its Clock);
-- a change made by hand in psql is still audited, under the database user.
CREATE FUNCTION audit_at() RETURNS timestamptz LANGUAGE sql STABLE AS
    $$ SELECT coalesce(nullif(current_setting('piha.at', true), '')::timestamptz, now()) $$;
CREATE FUNCTION audit_actor() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT coalesce(nullif(current_setting('piha.actor', true), ''), session_user::text) $$;
CREATE FUNCTION audit_run() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('piha.import_run', true), '')::uuid $$;
CREATE FUNCTION audit_object_id(j jsonb) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT coalesce(j ->> 'id', j ->> 'device_id')::uuid $$;
CREATE FUNCTION audit_site_id(tbl text, j jsonb) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN tbl = 'site' THEN j ->> 'id' ELSE j ->> 'site_id' END::uuid $$;

-- Statement-level triggers with transition tables: a 100,000-row import writes its audit rows in
-- one INSERT ... SELECT rather than 100,000 trigger calls.
CREATE FUNCTION audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stamp timestamptz := audit_at();
    who text := audit_actor();
    run uuid := audit_run();
BEGIN
    INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
    SELECT stamp, who, 'create', TG_TABLE_NAME, audit_object_id(j), audit_site_id(TG_TABLE_NAME, j), NULL, j, run
    FROM (SELECT to_jsonb(n) AS j FROM new_rows n) x;
    RETURN NULL;
END $$;

CREATE FUNCTION audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stamp timestamptz := audit_at();
    who text := audit_actor();
    run uuid := audit_run();
BEGIN
    INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
    SELECT stamp, who, 'delete', TG_TABLE_NAME, audit_object_id(j), audit_site_id(TG_TABLE_NAME, j), j, NULL, run
    FROM (SELECT to_jsonb(o) AS j FROM old_rows o) x;
    RETURN NULL;
END $$;

CREATE FUNCTION audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stamp timestamptz := audit_at();
    who text := audit_actor();
    run uuid := audit_run();
BEGIN
    INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after, import_run_id)
    SELECT stamp, who, 'update', TG_TABLE_NAME, audit_object_id(n.j), audit_site_id(TG_TABLE_NAME, n.j), o.j, n.j, run
    FROM (SELECT to_jsonb(r) AS j FROM old_rows r) o
    JOIN (SELECT to_jsonb(r) AS j FROM new_rows r) n ON o.j ->> 'id' = n.j ->> 'id'
    WHERE o.j IS DISTINCT FROM n.j;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisation', 'site', 'zone', 'device', 'device_mac', 'integration_ref',
                             'network', 'ip_allocation'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_audit_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_insert()', t);
        EXECUTE format('CREATE TRIGGER %1$s_audit_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_delete()', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['organisation', 'site', 'zone', 'device', 'network', 'ip_allocation'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_audit_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
                       'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_update()', t);
    END LOOP;
END $$;

-- device_mac and integration_ref are only ever inserted or deleted, never updated in place.
CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are replaced, never updated in place', TG_TABLE_NAME
        USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_immutable';
END $$;
CREATE TRIGGER device_mac_immutable BEFORE UPDATE ON device_mac FOR EACH ROW EXECUTE FUNCTION refuse_update();
CREATE TRIGGER integration_ref_immutable BEFORE UPDATE ON integration_ref FOR EACH ROW EXECUTE FUNCTION refuse_update();

// The team-sync schema on a PostgreSQL server (TEAM-SYNC.md "Shape"), as forward-only numbered
// migrations that `kpis server init URL` applies. A shipped migration is never edited: servers
// were set up by it. Everything lives in the schema `kpis`, so the database may hold other
// things too.
//
// Who is who is PostgreSQL's own login: each person connects as their own role, and `members`
// names roles (session_user). Nobody writes the tables directly: people read them through
// row-level security (a member sees only their spaces) and change them only through the
// SECURITY DEFINER functions below, which check the caller's role in the space first.

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

const V1 = `
CREATE SCHEMA kpis;
REVOKE ALL ON SCHEMA kpis FROM PUBLIC;
GRANT USAGE ON SCHEMA kpis TO PUBLIC;

-- Which migrations this server has: an app refuses a server newer than it knows.
CREATE TABLE kpis.schema_version (
  version int PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON kpis.schema_version TO PUBLIC;

CREATE TABLE kpis.spaces (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  -- The last sequence number handed out; pushes take this row's lock, so numbers are given in
  -- commit order without gaps and a puller never skips an event committed late.
  last_seq bigint NOT NULL DEFAULT 0,
  created_by name NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kpis.members (
  space_id bigint NOT NULL REFERENCES kpis.spaces ON DELETE CASCADE,
  member name NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (space_id, member)
);

CREATE TABLE kpis.events (
  space_id bigint NOT NULL REFERENCES kpis.spaces ON DELETE CASCADE,
  seq bigint NOT NULL,
  id uuid NOT NULL,
  -- Entity kinds are not checked here: a newer app's kinds travel through older servers.
  entity text NOT NULL CHECK (length(entity) BETWEEN 1 AND 100),
  entity_id text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 1000),
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  old_value text,
  new_value text,
  at text NOT NULL,
  device_id text NOT NULL,
  hlc text NOT NULL,
  -- JSON array of the ids of the events for the same entity the writer had seen last.
  base text NOT NULL DEFAULT '[]',
  -- Who pushed it: the server's word, not the client's.
  author name NOT NULL DEFAULT session_user,
  PRIMARY KEY (space_id, seq),
  UNIQUE (space_id, id)
);

-- Membership as the caller: the policies and functions ask this (it reads members past RLS).
CREATE FUNCTION kpis.role_in(p_space bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, kpis AS $$
    SELECT role FROM kpis.members WHERE space_id = p_space AND member = session_user
  $$;

ALTER TABLE kpis.spaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpis.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpis.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read_their_spaces ON kpis.spaces FOR SELECT
  USING (kpis.role_in(id) IS NOT NULL);
CREATE POLICY members_read_their_members ON kpis.members FOR SELECT
  USING (kpis.role_in(space_id) IS NOT NULL);
CREATE POLICY members_read_their_events ON kpis.events FOR SELECT
  USING (kpis.role_in(space_id) IS NOT NULL);
GRANT SELECT ON kpis.spaces, kpis.members, kpis.events TO PUBLIC;

CREATE FUNCTION kpis.create_space(p_name text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kpis AS $$
  DECLARE v_id bigint;
  BEGIN
    IF EXISTS (SELECT 1 FROM kpis.spaces WHERE name = p_name) THEN
      RAISE EXCEPTION 'A space named "%" already exists on this server', p_name
        USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO kpis.spaces (name) VALUES (p_name) RETURNING id INTO v_id;
    INSERT INTO kpis.members (space_id, member, role) VALUES (v_id, session_user, 'owner');
    RETURN v_id;
  END $$;

-- The space by name with the caller's role, or a refusal that says which.
CREATE FUNCTION kpis.open_space(p_name text)
  RETURNS TABLE (space_id bigint, role text, last_seq bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, kpis AS $$
  DECLARE v_id bigint;
  BEGIN
    SELECT s.id INTO v_id FROM kpis.spaces s WHERE s.name = p_name;
    IF v_id IS NULL THEN
      RAISE EXCEPTION 'There is no space named "%" on this server', p_name
        USING ERRCODE = 'no_data_found';
    END IF;
    IF kpis.role_in(v_id) IS NULL THEN
      RAISE EXCEPTION '% is not a member of the space "%"', session_user, p_name
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT s.id, kpis.role_in(s.id), s.last_seq FROM kpis.spaces s WHERE s.id = v_id;
  END $$;

-- Adds the events not yet present (a re-sent push adds nothing); returns how many it added and
-- the space's last number before them, so a pusher that had read up to that number knows the
-- numbers up to last_before + added are its own and need not pull them back.
CREATE FUNCTION kpis.push(p_space bigint, p_events jsonb)
  RETURNS TABLE (added bigint, last_before bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kpis AS $$
  DECLARE
    v_role text := kpis.role_in(p_space);
    v_last bigint;
    v_added bigint;
  BEGIN
    IF v_role IS NULL THEN
      RAISE EXCEPTION '% is not a member of this space', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_role = 'viewer' THEN
      RAISE EXCEPTION '% is a viewer of this space: viewers cannot send changes', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT last_seq INTO v_last FROM kpis.spaces WHERE id = p_space FOR UPDATE;
    INSERT INTO kpis.events (space_id, seq, id, entity, entity_id, operation, old_value,
                             new_value, at, device_id, hlc, base)
    SELECT p_space, v_last + row_number() OVER (ORDER BY e.hlc, e.id), e.id, e.entity,
           e.entity_id, e.operation, e.old_value, e.new_value, e.at, e.device_id, e.hlc,
           coalesce(e.base, '[]')
    FROM (SELECT DISTINCT ON (x.id) x.*
          FROM jsonb_to_recordset(p_events) AS x(id uuid, entity text, entity_id text,
            operation text, old_value text, new_value text, at text, device_id text, hlc text,
            base text)) AS e
    WHERE NOT EXISTS (SELECT 1 FROM kpis.events k WHERE k.space_id = p_space AND k.id = e.id);
    GET DIAGNOSTICS v_added = ROW_COUNT;
    UPDATE kpis.spaces SET last_seq = v_last + v_added WHERE id = p_space;
    RETURN QUERY SELECT v_added, v_last;
  END $$;

-- Owners add people, change their role, or (p_role NULL) remove them.
CREATE FUNCTION kpis.set_member(p_space text, p_member name, p_role text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kpis AS $$
  DECLARE v_id bigint;
  BEGIN
    SELECT space_id INTO v_id FROM kpis.open_space(p_space);
    IF kpis.role_in(v_id) <> 'owner' THEN
      RAISE EXCEPTION 'Only an owner of "%" can change its members', p_space
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role IS NULL THEN
      DELETE FROM kpis.members WHERE space_id = v_id AND member = p_member;
    ELSE
      INSERT INTO kpis.members (space_id, member, role) VALUES (v_id, p_member, p_role)
        ON CONFLICT (space_id, member) DO UPDATE SET role = excluded.role;
    END IF;
  END $$;

REVOKE ALL ON FUNCTION kpis.role_in(bigint), kpis.create_space(text), kpis.open_space(text),
  kpis.push(bigint, jsonb), kpis.set_member(text, name, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kpis.role_in(bigint), kpis.create_space(text), kpis.open_space(text),
  kpis.push(bigint, jsonb), kpis.set_member(text, name, text) TO PUBLIC;
`;

// Team sync speed (issue 20). A pull read the events table under row-level security, whose
// policy calls role_in for every row it looks at, and sorted every event after the cursor
// when the planner guessed few rows (a table just filled has no statistics): a 60,000-event
// join took seconds on the server alone. kpis.pull checks membership once per page and reads
// the next numbers as a range of the primary key (numbers are handed out without gaps). A
// push takes its page as json, parsed once (jsonb would be converted whole first), and numbers
// the events in the order sent (the outbox's clock order). Both get the memory to sort and
// hold a page of 20,000 events without spilling to disk. The events' foreign key to their
// space is dropped: its check ran once per inserted row (a third of a push), and the one way
// in, push_events, already proves the space exists (membership) and holds its row locked; a
// deleted space still takes its events with it, through a trigger.
const V2 = `
CREATE FUNCTION kpis.pull(p_space bigint, p_after bigint, p_limit integer)
  RETURNS TABLE (seq bigint, id uuid, entity text, entity_id text, operation text,
                 old_value text, new_value text, at text, device_id text, hlc text, base text,
                 author name)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, kpis
  SET work_mem = '64MB' AS $$
  BEGIN
    IF kpis.role_in(p_space) IS NULL THEN
      RAISE EXCEPTION '% is not a member of this space', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
      SELECT e.seq, e.id, e.entity, e.entity_id, e.operation, e.old_value, e.new_value, e.at,
             e.device_id, e.hlc, e.base, e.author
      FROM kpis.events e
      WHERE e.space_id = p_space AND e.seq > p_after AND e.seq <= p_after + p_limit
      ORDER BY e.seq;
    IF NOT FOUND THEN
      -- A gap in the numbers (events removed on the server by hand): the next ones after it.
      RETURN QUERY
        SELECT e.seq, e.id, e.entity, e.entity_id, e.operation, e.old_value, e.new_value, e.at,
               e.device_id, e.hlc, e.base, e.author
        FROM kpis.events e
        WHERE e.space_id = p_space AND e.seq > p_after
        ORDER BY e.seq LIMIT p_limit;
    END IF;
  END $$;

CREATE FUNCTION kpis.push_events(p_space bigint, p_events json)
  RETURNS TABLE (added bigint, last_before bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kpis
  SET work_mem = '64MB' AS $$
  DECLARE
    v_role text := kpis.role_in(p_space);
    v_last bigint;
    v_added bigint;
  BEGIN
    IF v_role IS NULL THEN
      RAISE EXCEPTION '% is not a member of this space', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_role = 'viewer' THEN
      RAISE EXCEPTION '% is a viewer of this space: viewers cannot send changes', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT s.last_seq INTO v_last FROM kpis.spaces s WHERE s.id = p_space FOR UPDATE;
    INSERT INTO kpis.events (space_id, seq, id, entity, entity_id, operation, old_value,
                             new_value, at, device_id, hlc, base)
    SELECT p_space, v_last + row_number() OVER (ORDER BY e.n), e.id, e.entity, e.entity_id,
           e.operation, e.old_value, e.new_value, e.at, e.device_id, e.hlc,
           coalesce(e.base, '[]')
    FROM (SELECT DISTINCT ON (x.id) x.*
          FROM ROWS FROM (json_to_recordset(p_events) AS (id uuid, entity text, entity_id text,
                 operation text, old_value text, new_value text, at text, device_id text,
                 hlc text, base text)) WITH ORDINALITY
            AS x(id, entity, entity_id, operation, old_value, new_value, at, device_id, hlc,
                 base, n)
          ORDER BY x.id, x.n) AS e
    WHERE NOT EXISTS (SELECT 1 FROM kpis.events k WHERE k.space_id = p_space AND k.id = e.id);
    GET DIAGNOSTICS v_added = ROW_COUNT;
    UPDATE kpis.spaces SET last_seq = v_last + v_added WHERE id = p_space;
    RETURN QUERY SELECT v_added, v_last;
  END $$;

ALTER TABLE kpis.events DROP CONSTRAINT events_space_id_fkey;
CREATE FUNCTION kpis.drop_space_events() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, kpis AS $$
  BEGIN
    DELETE FROM kpis.events WHERE space_id = OLD.id;
    RETURN OLD;
  END $$;
CREATE TRIGGER spaces_take_their_events AFTER DELETE ON kpis.spaces
  FOR EACH ROW EXECUTE FUNCTION kpis.drop_space_events();

REVOKE ALL ON FUNCTION kpis.pull(bigint, bigint, integer), kpis.push_events(bigint, json),
  kpis.drop_space_events() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kpis.pull(bigint, bigint, integer), kpis.push_events(bigint, json)
  TO PUBLIC;
`;

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  { version: 1, name: 'spaces, members, events, push, row-level security', sql: V1 },
  { version: 2, name: 'pull and push a page in one call each', sql: V2 },
];

export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS.length;

// The workspace's side of team sync (a migration of its own): which space the file is shared
// in, how far it has read the server and stamped its own change log, and each event's clock
// stamp and base. The change log stays the one record of what changed; these tables say only
// where each entry stands in sync. They are bookkeeping, not user data: not in the change log
// (logging them would make events to sync about syncing).

export const TEAM_SYNC_SCHEMA = `
CREATE TABLE sync_link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- The server's address without its password (that stays in the OS's credential store).
  server TEXT NOT NULL CHECK (length(server) BETWEEN 1 AND 2000),
  space TEXT NOT NULL CHECK (length(space) BETWEEN 1 AND 200),
  space_id INTEGER NOT NULL,
  -- The last server sequence number applied here.
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  -- The clock's last stamp (hybrid logical clock, shared/sync/hlc.ts).
  clock TEXT,
  -- How far the change log has been stamped (its writing order).
  stamped_through INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT,
  last_error TEXT
) STRICT;

CREATE TABLE sync_events (
  change_id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  hlc TEXT NOT NULL,
  -- JSON array of the ids of the events for the entity its writer had seen last.
  base TEXT NOT NULL CHECK (json_valid(base)),
  -- The login that pushed it, as the server saw it (null: written here, not back yet).
  author TEXT,
  -- The server's sequence number, once seen there.
  seq INTEGER,
  -- 0 while in the outbox; 1 once the server has acknowledged it.
  sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))
) STRICT;
CREATE INDEX sync_events_by_entity ON sync_events (entity, entity_id);
CREATE INDEX sync_events_outbox ON sync_events (change_id) WHERE sent = 0;

-- Entities whose latest edits did not see each other, for review.
CREATE TABLE sync_conflicts (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;
`;

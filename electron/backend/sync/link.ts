import { RECORD_TABLES } from '../store/replicated-records';
import type { Db } from '../workspace/connection';

// The workspace's sync bookkeeping (workspace-schema.ts): the link to a space and each event's
// stamp. Reads and writes of those tables live here.

export interface SyncLink {
  server: string;
  space: string;
  spaceId: number;
  cursor: number;
  clock: string | null;
  stampedThrough: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

interface LinkRow {
  server: string;
  space: string;
  space_id: number;
  cursor: number;
  clock: string | null;
  stamped_through: number;
  last_synced_at: string | null;
  last_error: string | null;
}

/** Whether the file has the sync tables (a file from before them is opened read-only). */
export function hasSyncTables(db: Db): boolean {
  return (
    db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'sync_link'",
      )
      .get()?.n === 1
  );
}

export function readLink(db: Db): SyncLink | null {
  const row = db.prepare<[], LinkRow>('SELECT * FROM sync_link WHERE id = 1').get();
  if (!row) return null;
  return {
    server: row.server,
    space: row.space,
    spaceId: row.space_id,
    cursor: row.cursor,
    clock: row.clock,
    stampedThrough: row.stamped_through,
    lastSyncedAt: row.last_synced_at,
    lastError: row.last_error,
  };
}

export function createLink(db: Db, server: string, space: string, spaceId: number): void {
  db.prepare('INSERT INTO sync_link (id, server, space, space_id) VALUES (1, ?, ?, ?)').run(
    server,
    space,
    spaceId,
  );
}

export function updateLink(
  db: Db,
  patch: Partial<
    Pick<SyncLink, 'cursor' | 'clock' | 'stampedThrough' | 'lastSyncedAt' | 'lastError'>
  >,
): void {
  const columns: Record<string, string> = {
    cursor: 'cursor',
    clock: 'clock',
    stampedThrough: 'stamped_through',
    lastSyncedAt: 'last_synced_at',
    lastError: 'last_error',
  };
  const entries: [string, string | number | null][] = Object.entries(patch);
  if (entries.length === 0) return;
  db.prepare(
    `UPDATE sync_link SET ${entries.map(([key]) => `${columns[key] ?? ''} = ?`).join(', ')} WHERE id = 1`,
  ).run(...entries.map(([, value]) => value));
}

/** An event's place in sync: its stamp, its base, and whether the server has it. */
export interface EventStamp {
  changeId: string;
  entity: string;
  entityId: string;
  hlc: string;
  /** JSON array text. */
  base: string;
  author: string | null;
  seq: number | null;
  sent: boolean;
}

/** A row of sync_events as SQLite returns it. */
export interface StampRow {
  change_id: string;
  entity: string;
  entity_id: string;
  hlc: string;
  base: string;
  author: string | null;
  seq: number | null;
  sent: number;
}

export const toStamp = (row: StampRow): EventStamp => ({
  changeId: row.change_id,
  entity: row.entity,
  entityId: row.entity_id,
  hlc: row.hlc,
  base: row.base,
  author: row.author,
  seq: row.seq,
  sent: row.sent === 1,
});

/** Prepared statements over sync_events, for one batch. */
export function stampStatements(db: Db) {
  const byId = db.prepare<[string], StampRow>('SELECT * FROM sync_events WHERE change_id = ?');
  const byKey = db.prepare<[string, string], StampRow>(
    'SELECT * FROM sync_events WHERE entity = ? AND entity_id = ?',
  );
  const anyOfKey = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM sync_events WHERE entity = ? AND entity_id = ? LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO sync_events (change_id, entity, entity_id, hlc, base, author, seq, sent)
     VALUES (@changeId, @entity, @entityId, @hlc, @base, @author, @seq, @sent)`,
  );
  const seen = db.prepare(
    'UPDATE sync_events SET seq = ?, author = ?, sent = 1 WHERE change_id = ?',
  );
  const conflictOn = db.prepare(
    'INSERT OR IGNORE INTO sync_conflicts (entity, entity_id) VALUES (?, ?)',
  );
  const conflictOff = db.prepare('DELETE FROM sync_conflicts WHERE entity = ? AND entity_id = ?');
  return {
    find: (changeId: string): EventStamp | null => {
      const row = byId.get(changeId);
      return row ? toStamp(row) : null;
    },
    ofKey: (entity: string, entityId: string): EventStamp[] =>
      byKey.all(entity, entityId).map(toStamp),
    hasKey: (entity: string, entityId: string): boolean =>
      anyOfKey.get(entity, entityId) !== undefined,
    add(stamp: EventStamp): void {
      insert.run({ ...stamp, sent: stamp.sent ? 1 : 0 });
    },
    /** The server has it (an echo of our own push, or one we had sent before a crash). */
    markSeen(changeId: string, seq: number, author: string): void {
      seen.run(seq, author, changeId);
    },
    setConflict(entity: string, entityId: string, conflict: boolean): void {
      (conflict ? conflictOn : conflictOff).run(entity, entityId);
    },
  };
}

/** Up to `limit` stamped events the server has not acknowledged, in stamp order. */
export function outbox(db: Db, limit: number): EventStamp[] {
  return db
    .prepare<[number], StampRow>(
      'SELECT * FROM sync_events WHERE sent = 0 ORDER BY hlc, change_id LIMIT ?',
    )
    .all(limit)
    .map(toStamp);
}

/** The server acknowledged these; `author` is the login that sent them. */
export function markSent(db: Db, changeIds: readonly string[], author: string): void {
  db.prepare(
    'UPDATE sync_events SET sent = 1, author = ? WHERE change_id IN (SELECT value FROM json_each(?))',
  ).run(author, JSON.stringify(changeIds));
}

export function outboxSize(db: Db): number {
  return (
    db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_events WHERE sent = 0').get()
      ?.n ?? 0
  );
}

export function conflictKeys(db: Db): { entity: string; entityId: string }[] {
  return db
    .prepare<[], { entity: string; entity_id: string }>(
      'SELECT entity, entity_id FROM sync_conflicts ORDER BY entity, entity_id',
    )
    .all()
    .map((row) => ({ entity: row.entity, entityId: row.entity_id }));
}

/**
 * Conflicts of records that are gone (deleted here or elsewhere, or with what they hung from):
 * nothing is left to edit, so nothing to review; what they lost stays in the history.
 */
export function forgetGoneConflicts(db: Db): void {
  for (const [entity, { ids }] of Object.entries(RECORD_TABLES))
    db.prepare(`DELETE FROM sync_conflicts WHERE entity = ? AND entity_id NOT IN (${ids})`).run(
      entity,
    );
  db.prepare(
    `DELETE FROM sync_conflicts WHERE entity = 'value'
       AND substr(entity_id, 1, instr(entity_id, '/') - 1) NOT IN (SELECT id FROM kpis)`,
  ).run();
}

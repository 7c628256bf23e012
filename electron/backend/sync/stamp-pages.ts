import type { Db } from '../workspace/connection';
import { toStamp, type EventStamp, type StampRow } from './link';

// sync_events a page at a time (link.ts has the single-row statements): a first share stamps
// and a join receives tens of thousands of events, so each lookup reads for a whole page in
// one query, the page's ids or keys going into SQLite as one JSON text (json_each), instead of
// one query per event. Rows are written one prepared statement each: passing them as JSON
// would be slower (`->>` parses a row's text again for every column).

/** An entity's key in the maps below: kind and id. */
export function keyOf(entity: string, entityId: string): string {
  return `${entity}\u0000${entityId}`;
}

/** Which of these change ids have a stamp already. */
export function stampedAmong(db: Db, changeIds: readonly string[]): Set<string> {
  if (changeIds.length === 0) return new Set();
  const rows = db
    .prepare<[string], { change_id: string }>(
      'SELECT change_id FROM sync_events WHERE change_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(changeIds));
  return new Set(rows.map((row) => row.change_id));
}

/** The stamps of each of these entities (keyOf), in one query; an entity with none is absent. */
export function stampsOfKeys(
  db: Db,
  keys: readonly { entity: string; entityId: string }[],
): Map<string, EventStamp[]> {
  const found = new Map<string, EventStamp[]>();
  if (keys.length === 0) return found;
  // CROSS JOIN keeps the keys as the outer loop: one index probe per key.
  const rows = db
    .prepare<[string], StampRow>(
      `SELECT s.* FROM json_each(?) AS k
       CROSS JOIN sync_events AS s ON s.entity = k.value ->> 0 AND s.entity_id = k.value ->> 1`,
    )
    .all(JSON.stringify(keys.map((key) => [key.entity, key.entityId])));
  for (const row of rows) {
    const key = keyOf(row.entity, row.entity_id);
    const stamp = toStamp(row);
    const list = found.get(key);
    if (list) list.push(stamp);
    else found.set(key, [stamp]);
  }
  return found;
}

/** Adds stamps (none of them present yet). */
export function addStamps(db: Db, stamps: readonly EventStamp[]): void {
  if (stamps.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO sync_events (change_id, entity, entity_id, hlc, base, author, seq, sent)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of stamps)
    insert.run(s.changeId, s.entity, s.entityId, s.hlc, s.base, s.author, s.seq, s.sent ? 1 : 0);
}

/** The server has these (echoes of our own push, or events sent before a crash). */
export function markSeen(
  db: Db,
  seen: readonly { changeId: string; seq: number; author: string }[],
): void {
  if (seen.length === 0) return;
  db.prepare<[string]>(
    `UPDATE sync_events SET seq = e.value ->> 1, author = e.value ->> 2, sent = 1
     FROM json_each(?) AS e WHERE sync_events.change_id = e.value ->> 0`,
  ).run(JSON.stringify(seen.map((s) => [s.changeId, s.seq, s.author])));
}

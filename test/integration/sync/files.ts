import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TestBackend } from '../backend/helpers';

// Two laptops' files compared as a user's data: every user table row by row, and the history
// entry by entry. Sync's own bookkeeping (the link, stamps, conflicts, cursor) differs between
// laptops by design and is left out.

// The change log is compared as `history` (its view); change_log_rows is where it is stored.
const BOOKKEEPING = new Set([
  'sync_link',
  'sync_events',
  'sync_conflicts',
  'change_log',
  'change_log_rows',
]);

export interface FileDump {
  /** Each user table's rows, in a stable order. */
  tables: Record<string, unknown[]>;
  /** Every change-log entry, by id. */
  history: unknown[];
}

let copies = 0;

/**
 * A copy of the file a test backend has open (the app holds it exclusively), made by its own
 * "Save a copy" (SQLite's online backup), to read.
 */
export async function copyOf(t: TestBackend): Promise<string> {
  copies += 1;
  const { path } = await t.call('workspace.saveCopy', {
    path: join(t.dir, `copy-${String(copies)}.kpis`),
  });
  return path;
}

export function dumpFile(path: string): FileDump {
  const db = new Database(path, { readonly: true });
  try {
    const names = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name)
      .filter((name) => !BOOKKEEPING.has(name));
    const tables: Record<string, unknown[]> = {};
    for (const name of names) {
      const columns = db
        .prepare<[], { name: string }>(`PRAGMA table_info("${name}")`)
        .all()
        .map((_, i) => String(i + 1));
      tables[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all();
    }
    const history = db
      .prepare(
        'SELECT id, entity, entity_id, operation, old_value, new_value, at, device_id FROM change_log ORDER BY id',
      )
      .all();
    return { tables, history };
  } finally {
    db.close();
  }
}

/** Both laptops' files. */
export async function dumpBoth(a: TestBackend, b: TestBackend): Promise<[FileDump, FileDump]> {
  return [dumpFile(await copyOf(a)), dumpFile(await copyOf(b))];
}

/** One value read straight from a file (sync bookkeeping, say). */
export function readOne(path: string, sql: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { KpiValue } from '@shared/domain/entities';
import type { TestBackend } from './helpers';

// Reading a workspace's change log as it is on disk (through an online copy, since the open
// workspace is locked), and replaying it.

export interface LoggedEntry {
  entity: string;
  entity_id: string;
  operation: 'insert' | 'update' | 'delete';
  old_value: string | null;
  new_value: string | null;
}

let copies = 0;

/** Every entry of the open workspace's log, in the order written. */
export async function changeLog(t: TestBackend): Promise<LoggedEntry[]> {
  copies += 1;
  const { path } = await t.call('workspace.saveCopy', {
    path: join(t.dir, `log-copy-${copies}.kpis`),
  });
  const db = new Database(path, { readonly: true });
  try {
    // The view lists its stored rows in the order written, each pack's entries in theirs.
    return db
      .prepare<[], LoggedEntry>(
        'SELECT entity, entity_id, operation, old_value, new_value FROM change_log',
      )
      .all();
  } finally {
    db.close();
  }
}

/** The entries written since `before` (a log read earlier). */
export async function entriesSince(t: TestBackend, before: LoggedEntry[]): Promise<LoggedEntry[]> {
  return (await changeLog(t)).slice(before.length);
}

/** Every value the log says the workspace holds, from the log alone: key → record. */
export function replayValues(entries: readonly LoggedEntry[]): Map<string, KpiValue> {
  const values = new Map<string, KpiValue>();
  for (const entry of entries) {
    if (entry.entity !== 'value') continue;
    if (entry.operation === 'delete') values.delete(entry.entity_id);
    else {
      // An import's entries also name their file (`source`), which is not part of the value.
      const { source: _source, ...value } = JSON.parse(entry.new_value ?? 'null') as KpiValue & {
        source?: string;
      };
      values.set(entry.entity_id, value);
    }
  }
  return values;
}

/** The values table, as the API lists it, keyed like the log. */
export async function storedValues(t: TestBackend): Promise<Map<string, KpiValue>> {
  const values = await t.call('value.list', {});
  return new Map(values.map((value) => [`${value.kpiId}/${value.period}`, value]));
}

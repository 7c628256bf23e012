import { setImmediate as nextTurn } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { kpiDefinitionFields } from '@shared/api/schemas';
import type { Frequency } from '@shared/domain/kpi';
import type { ImportResult } from '@shared/transfer/import-status';
import { createKpi } from '../../handlers/kpi';
import type { ChangeLog } from '../../store/change-log';
import type { Db } from '../../workspace/migrations';
import { DIFFERS } from './stage';

// Applying a staged import on the worker's connection: one transaction, written a page at a
// time in SQL (no per-value round trips), with a look at the message queue between pages so a
// cancel is heard. Cancel, an error, or the process dying before COMMIT all leave the
// workspace exactly as it was: SQLite rolls back an unfinished transaction.

const PAGE = 5_000;

export interface ApplyOptions {
  db: Db;
  changes: ChangeLog;
  workspaceId: string;
  fileName: string;
  enteredBy: string;
  enteredAt: string;
  deviceId: string;
  newKpis: { objectiveId: string; frequency: Frequency } | null;
  /**
   * Whether the dry run found stored values that change. Nothing else writes the file while
   * it is lent to the import, so when none do, the history step can be left out.
   */
  anyChanged: boolean;
  isCancelled(): boolean;
  onProgress(done: number, total: number): void;
}

export class ApplyCancelled extends Error {}

/** Creates the new KPIs and moves their staged values next to the others. */
function createNewKpis(options: ApplyOptions): number {
  const { db, changes } = options;
  if (options.newKpis === null) return 0;
  const names = db
    .prepare<[], { name_key: string; name: string }>(
      'SELECT name_key, min(name) AS name FROM temp.import_new_values GROUP BY name_key ORDER BY min(line)',
    )
    .all();
  const move = db.prepare(
    `INSERT INTO temp.import_values (kpi_id, period, value, comment, line)
     SELECT ?, period, value, comment, line FROM temp.import_new_values WHERE name_key = ?`,
  );
  for (const { name_key: key, name } of names) {
    const kpi = createKpi(
      { db, changes },
      {
        ...kpiDefinitionFields.parse({ name, frequency: options.newKpis.frequency }),
        objectiveId: options.newKpis.objectiveId,
        parentKpiId: null,
      },
    );
    move.run(kpi.id, key);
  }
  return names.length;
}

export async function applyStaged(options: ApplyOptions): Promise<ImportResult> {
  const { db } = options;
  db.function('kpis_new_id', { deterministic: false }, () => uuidv7());
  const range = `(s.kpi_id, s.period) > (?, ?) AND (s.kpi_id, s.period) <= (?, ?)`;
  const pageEnd = db
    .prepare<[string, string], [string, string]>(
      `SELECT kpi_id, period FROM temp.import_values WHERE (kpi_id, period) > (?, ?)
       ORDER BY kpi_id, period LIMIT 1 OFFSET ${PAGE - 1}`,
    )
    .raw();
  // A replaced value keeps what it was in the history; new values need no entry each (the
  // import's own entry says where they came from).
  const logUpdates = db.prepare(
    `INSERT INTO change_log (id, entity, entity_id, operation, old_value, new_value, at, device_id)
     SELECT kpis_new_id(), 'value', s.kpi_id || '/' || s.period, 'update',
       json_object('kpiId', s.kpi_id, 'period', s.period, 'value', v.value, 'comment', v.comment,
                   'enteredBy', v.entered_by, 'enteredAt', v.entered_at),
       json_object('kpiId', s.kpi_id, 'period', s.period, 'value', s.value,
                   'comment', coalesce(s.comment, v.comment), 'enteredBy', ?, 'enteredAt', ?),
       ?, ?
     FROM temp.import_values s JOIN kpi_values v ON v.kpi_id = s.kpi_id AND v.period = s.period
     WHERE ${range} AND ${DIFFERS}`,
  );
  const upsert = db.prepare(
    `INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)
     SELECT s.kpi_id, s.period, s.value, coalesce(s.comment, v.comment, ''), ?, ?
     FROM temp.import_values s LEFT JOIN kpi_values v ON v.kpi_id = s.kpi_id AND v.period = s.period
     WHERE ${range} AND (v.kpi_id IS NULL OR ${DIFFERS})
     ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value, comment = excluded.comment,
       entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
  );
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, kpisCreated: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    result.kpisCreated = createNewKpis(options);
    const total =
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM temp.import_values').get()?.n ?? 0;
    const { enteredBy, enteredAt } = options;
    let after: [string, string] = ['', ''];
    let written = 0;
    for (let done = 0; done < total;) {
      // The last page runs to the end: no key sorts after U+FFFF.
      const end = pageEnd.get(...after) ?? ['\uffff', ''];
      const bounds = [...after, ...end] as const;
      if (options.anyChanged)
        result.updated += logUpdates.run(
          enteredBy,
          enteredAt,
          enteredAt,
          options.deviceId,
          ...bounds,
        ).changes;
      written += upsert.run(enteredBy, enteredAt, ...bounds).changes;
      done = Math.min(total, done + PAGE);
      after = end;
      options.onProgress(done, total);
      await nextTurn();
      if (options.isCancelled())
        throw new ApplyCancelled('The import was cancelled; nothing was changed.');
    }
    result.inserted = written - result.updated;
    result.unchanged = total - written;
    options.changes.record('workspace', options.workspaceId, 'update', null, {
      import: options.fileName,
      ...result,
    });
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

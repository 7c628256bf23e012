import type { Kpi, KpiValue } from '@shared/domain/entities';
import { foldKey, foldRecord, type RecordEvent } from '@shared/sync/fold';
import type { RawChange } from './change-log';
import { toRow, COLUMNS } from './kpi-rows';
import { valueStatements } from './values';
import type { Db } from '../workspace/connection';
import { writeMeta } from '../workspace/workspace';

// The write path of changes made on other laptops (team sync, electron/backend/sync/): what
// the fold decided, written into the workspace's tables. Nothing here logs a change: the
// entries are already in the log as their writers wrote them (change-log.ts appendReceived),
// in the same transaction. Kinds not listed travel and stay in the history but are not applied (yet):
// action plans, reminder settings, review schedules and report options.

export const APPLIED_KINDS = [
  'workspace',
  'scorecard',
  'perspective',
  'objective',
  'kpi',
  'value',
] as const;

/** Parents before children, so a page that brings both writes them in order. */
export function kindRank(entity: string): number {
  const rank = (APPLIED_KINDS as readonly string[]).indexOf(entity);
  return rank === -1 ? APPLIED_KINDS.length : rank;
}

/** An event's clock stamp and base (JSON array text), as sync keeps them. */
export interface Stamped {
  changeId: string;
  hlc: string;
  base: string;
}

export interface KeyEvents {
  entity: string;
  entityId: string;
  /** The entity's events with their stamps; the same ids in both. */
  stamps: Stamped[];
  changes: Map<string, RawChange>;
}

function parse(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

function recordEvents(key: KeyEvents): RecordEvent[] {
  return key.stamps.flatMap((stamp) => {
    const change = key.changes.get(stamp.changeId);
    if (!change) return [];
    return [
      {
        id: stamp.changeId,
        hlc: stamp.hlc,
        base: JSON.parse(stamp.base) as string[],
        operation: change.operation,
        before: parse(change.oldJson),
        after: parse(change.newJson),
      },
    ];
  });
}

/**
 * A writer for one page: writes an entity's folded state and returns whether it has edits to
 * review. Statements are prepared once per page (a join writes tens of thousands of values).
 */
export function foldedWriter(db: Db): (key: KeyEvents) => boolean {
  const values = valueStatements(db);
  const kpi = db.prepare<[string], { id: string }>('SELECT id FROM kpis WHERE id = ?');
  const kpiExists = (id: string) => kpi.get(id) !== undefined;
  return (key) =>
    key.entity === 'value' ? writeValue(values, kpiExists, key) : writeRecord(db, key);
}

function writeRecord(db: Db, key: KeyEvents): boolean {
  if (!(APPLIED_KINDS as readonly string[]).includes(key.entity)) return false;
  const { fields, conflicts } = foldRecord(recordEvents(key));
  const kind = key.entity as RecordKind;
  const table = TABLES[kind];
  if (fields !== null) RECORD_WRITERS[kind](db, key.entityId, fields);
  else if (table !== null) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(key.entityId);
  return conflicts.length > 0;
}

function writeValue(
  values: ReturnType<typeof valueStatements>,
  kpiExists: (id: string) => boolean,
  key: KeyEvents,
): boolean {
  const events = key.stamps.map((stamp) => ({
    id: stamp.changeId,
    hlc: stamp.hlc,
    base: JSON.parse(stamp.base) as string[],
  }));
  const { winner, heads } = foldKey(events);
  const change = key.changes.get(winner.id);
  const value =
    change?.operation === 'delete' ? null : (parse(change?.newJson ?? null) as KpiValue | null);
  const slash = key.entityId.indexOf('/');
  const kpiId = key.entityId.slice(0, slash);
  const period = key.entityId.slice(slash + 1);
  if (value === null) values.remove(kpiId, period);
  else if (kpiExists(kpiId)) values.upsert(value);
  return heads.length > 1;
}

type RecordKind = Exclude<(typeof APPLIED_KINDS)[number], 'value'>;
type RecordWriter = (db: Db, id: string, fields: Record<string, unknown>) => void;

/** Where a deleted record goes from; SQLite's cascades take what was below it. */
const TABLES: Record<RecordKind, string | null> = {
  workspace: null,
  scorecard: 'scorecards',
  perspective: 'perspectives',
  objective: 'objectives',
  kpi: 'kpis',
};

const KPI_UPSERT = `INSERT INTO kpis (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

const RECORD_WRITERS: Record<RecordKind, RecordWriter> = {
  workspace(db, _id, fields) {
    if (typeof fields.id === 'string') writeMeta(db, 'id', fields.id);
    if (typeof fields.name === 'string') writeMeta(db, 'name', fields.name);
    if (typeof fields.fiscalYearStartMonth === 'number')
      writeMeta(db, 'fiscal_year_start_month', String(fields.fiscalYearStartMonth));
  },
  scorecard(db, id, f) {
    db.prepare(
      `INSERT INTO scorecards (id, parent_id, name, description, position) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name,
         description = excluded.description, position = excluded.position`,
    ).run(id, f.parentId ?? null, f.name, f.description ?? '', f.position);
  },
  perspective(db, id, f) {
    db.prepare(
      `INSERT INTO perspectives (id, scorecard_id, name, weight, position) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET scorecard_id = excluded.scorecard_id, name = excluded.name,
         weight = excluded.weight, position = excluded.position`,
    ).run(id, f.scorecardId, f.name, f.weight, f.position);
  },
  objective(db, id, f) {
    db.prepare(
      `INSERT INTO objectives (id, perspective_id, name, description, weight, position)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET perspective_id = excluded.perspective_id,
         name = excluded.name, description = excluded.description, weight = excluded.weight,
         position = excluded.position`,
    ).run(id, f.perspectiveId, f.name, f.description ?? '', f.weight, f.position);
  },
  kpi(db, id, f) {
    db.prepare(KPI_UPSERT).run(toRow({ ...f, id } as unknown as Kpi));
  },
};

/**
 * Records created on one laptop under a parent deleted on another: the delete wins (the
 * stated rule), so they go too; their events stay in the history.
 */
export function dropOrphans(db: Db): void {
  for (let pass = 0; pass < 5; pass += 1) {
    const orphans = db
      .prepare<[], { table: string; rowid: number }>('PRAGMA foreign_key_check')
      .all();
    if (orphans.length === 0) return;
    for (const { table, rowid } of orphans) {
      // kpi_values has no rowid: its orphans are the values of KPIs that are gone.
      if (table === 'kpi_values')
        db.prepare('DELETE FROM kpi_values WHERE kpi_id NOT IN (SELECT id FROM kpis)').run();
      else db.prepare(`DELETE FROM "${table.replaceAll('"', '')}" WHERE rowid = ?`).run(rowid);
    }
  }
}

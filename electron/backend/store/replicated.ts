import { CHANGE_ENTITIES, type ChangeEntity, type KpiValue } from '@shared/domain/entities';
import { foldKey, foldRecord, foldSettings, lifeStamp, type RecordEvent } from '@shared/sync/fold';
import type { RawChange } from './change-log';
import {
  RECORD_TABLES,
  SETTINGS_KINDS,
  SETTINGS_WRITERS,
  splitPair,
  type RecordKind,
  type SettingsKind,
} from './replicated-records';
import { settleUnique, type Resolutions } from './replicated-unique';
import { valueStatements } from './values';
import type { Db } from '../workspace/connection';

// The write path of changes made on other laptops (team sync, electron/backend/sync/): what
// the fold decided, written into the workspace's tables. The entries themselves are already in
// the log as their writers wrote them (change-log.ts appendReceived), in the same transaction;
// the only entries logged here settle what two laptops made together but neither alone: two
// records claiming one unique name (replicated-unique.ts), a loop of parents
// (replicated-cycles.ts).

/** Every kind, parents before children, so a page that brings both writes them in order. */
export const APPLIED_KINDS = [
  'workspace',
  'scorecard',
  'perspective',
  'objective',
  'kpi',
  'value',
  'action_plan',
  'kpi_reminder',
  'review_schedule',
  'objective_link',
  'map_position',
  'health_dismissal',
  'reminder_defaults',
  'report_options',
] as const satisfies readonly ChangeEntity[];

// A kind added to ChangeEntity does not compile until it is applied here.
type Unapplied = Exclude<ChangeEntity, (typeof APPLIED_KINDS)[number]>;
export const UNAPPLIED_KINDS: [Unapplied] extends [never] ? 'none' : Unapplied = 'none';

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

/** A key's events as the fold takes them. */
export function recordEvents(key: Omit<KeyEvents, 'entity' | 'entityId'>): RecordEvent[] {
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
export function foldedWriter(db: Db, log: Resolutions): (key: KeyEvents) => boolean {
  const values = valueStatements(db);
  const kpi = db.prepare<[string], { id: string }>('SELECT id FROM kpis WHERE id = ?');
  const kpiExists = (id: string) => kpi.get(id) !== undefined;
  return (key) =>
    key.entity === 'value' ? writeValue(values, kpiExists, key) : writeRecord(db, key, log);
}

const isSettings = (entity: string): entity is SettingsKind =>
  (SETTINGS_KINDS as readonly string[]).includes(entity);
const isKnown = (entity: string): entity is ChangeEntity =>
  (CHANGE_ENTITIES as readonly string[]).includes(entity);

function writeRecord(db: Db, key: KeyEvents, log: Resolutions): boolean {
  const { entity, entityId } = key;
  if (!isKnown(entity)) return false;
  const events = recordEvents(key);
  if (isSettings(entity)) {
    const { fields, conflicts } = foldSettings(events);
    SETTINGS_WRITERS[entity](db, fields ?? {});
    return conflicts.length > 0;
  }
  const table = RECORD_TABLES[entity as RecordKind];
  const fold = foldRecord(events);
  // A record that is gone has nothing left to review (what it lost stays in the history).
  if (fold.fields === null) {
    table.remove(db, entityId);
    return false;
  }
  const fields = { ...fold.fields };
  const outcome = settleUnique(db, entity, entityId, fields, lifeStamp(events), log);
  if (outcome === 'dropped') return false;
  table.write(db, entityId, fields);
  return outcome === 'renamed' || fold.conflicts.length > 0;
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
  const [kpiId, period] = splitPair(key.entityId);
  if (value === null) values.remove(kpiId, period);
  else if (kpiExists(kpiId)) values.upsert(value);
  // Edits that did not see each other, while there is a KPI to settle them on.
  return heads.length > 1 && kpiExists(kpiId);
}

const KIND_OF_TABLE: Record<string, ChangeEntity> = {
  scorecards: 'scorecard',
  perspectives: 'perspective',
  objectives: 'objective',
  kpis: 'kpi',
  kpi_values: 'value',
  action_plans: 'action_plan',
  kpi_reminder_overrides: 'kpi_reminder',
  review_schedules: 'review_schedule',
  objective_links: 'objective_link',
  map_positions: 'map_position',
};

interface Orphan {
  table: string;
  rowid: number | null;
  fkid: number;
}

/**
 * Records created or moved on one laptop under a parent deleted on another: the delete wins
 * (the stated rule), so they go too, as the parent's delete would have taken them here (their
 * events stay in the history); a roll-up child whose parent KPI went is detached instead, as
 * a delete made here would have left it. Returns the kinds of what it changed.
 */
export function dropOrphans(db: Db): Set<ChangeEntity> {
  const kinds = new Set<ChangeEntity>();
  for (let pass = 0; pass < 5; pass += 1) {
    const orphans = db.prepare<[], Orphan>('PRAGMA foreign_key_check').all();
    if (orphans.length === 0) break;
    for (const { table, rowid, fkid } of orphans) {
      const kind = KIND_OF_TABLE[table];
      if (kind !== undefined) kinds.add(kind);
      const name = `"${table.replaceAll('"', '')}"`;
      const key = db
        .prepare<[], { id: number; from: string; on_delete: string }>(
          `PRAGMA foreign_key_list(${name})`,
        )
        .all()
        .find((fk) => fk.id === fkid);
      // kpi_values has no rowid: its orphans are the values of KPIs that are gone.
      if (rowid === null || table === 'kpi_values')
        db.prepare('DELETE FROM kpi_values WHERE kpi_id NOT IN (SELECT id FROM kpis)').run();
      else if (key?.on_delete === 'SET NULL')
        db.prepare(`UPDATE ${name} SET "${key.from}" = NULL WHERE rowid = ?`).run(rowid);
      else db.prepare(`DELETE FROM ${name} WHERE rowid = ?`).run(rowid);
    }
  }
  return kinds;
}

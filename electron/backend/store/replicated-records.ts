import type { Statement } from 'better-sqlite3';
import type { ChangeEntity, Kpi } from '@shared/domain/entities';
import { DEFAULT_DATA_DUE } from '@shared/reminders/types';
import { DEFAULT_REPORT_OPTIONS } from '@shared/report/options';
import { toRow, COLUMNS } from './kpi-rows';
import type { Db } from '../workspace/connection';
import { writeMeta } from '../workspace/workspace';

// How each kind of record is written and deleted when sync applies what the fold decided
// (replicated.ts). The rows are written as the fold gives them, in the columns their own stores
// use; a row that breaks a table's CHECK throws, and the whole page is refused (apply.ts).

type Fields = Record<string, unknown>;

/** Records that exist or not: keyed by their entity id, the newest insert or delete decides. */
export interface RecordTable {
  write(db: Db, id: string, fields: Fields): void;
  remove(db: Db, id: string): void;
  /** A SELECT of the entity ids of the records there are. */
  ids: string;
}

/** Kinds held as one record for the whole workspace, merged field by field (never deleted). */
export const SETTINGS_KINDS = ['workspace', 'reminder_defaults', 'report_options'] as const;
export type SettingsKind = (typeof SETTINGS_KINDS)[number];
export type RecordKind = Exclude<ChangeEntity, SettingsKind | 'value'>;

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;
const orNull = (value: unknown): unknown => value ?? null;

/** A value's entity id '<a>/<b>' split at its first slash (map positions, values). */
export function splitPair(id: string): [string, string] {
  const slash = id.indexOf('/');
  if (slash < 1) throw new Error(`"${id}" is not a key of the form <id>/<id>`);
  return [id.slice(0, slash), id.slice(slash + 1)];
}

const deleteWhere =
  (sql: string) =>
  (db: Db, id: string): void => {
    db.prepare(sql).run(id);
  };

const KPI_UPSERT = `INSERT INTO kpis (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

// Preparing the KPI upsert (every column) took longer than running it: a join writes each
// KPI, so it is prepared once per connection.
const kpiUpserts = new WeakMap<Db, Statement>();
function kpiUpsert(db: Db): Statement {
  let statement = kpiUpserts.get(db);
  if (statement === undefined) {
    statement = db.prepare(KPI_UPSERT);
    kpiUpserts.set(db, statement);
  }
  return statement;
}

export const RECORD_TABLES: Record<RecordKind, RecordTable> = {
  scorecard: {
    ids: 'SELECT id FROM scorecards',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO scorecards (id, parent_id, name, description, position) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name,
           description = excluded.description, position = excluded.position`,
      ).run(id, orNull(f.parentId), f.name, text(f.description), f.position);
    },
    remove: deleteWhere('DELETE FROM scorecards WHERE id = ?'),
  },
  perspective: {
    ids: 'SELECT id FROM perspectives',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO perspectives (id, scorecard_id, name, weight, position) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET scorecard_id = excluded.scorecard_id, name = excluded.name,
           weight = excluded.weight, position = excluded.position`,
      ).run(id, f.scorecardId, f.name, f.weight, f.position);
    },
    remove: deleteWhere('DELETE FROM perspectives WHERE id = ?'),
  },
  objective: {
    ids: 'SELECT id FROM objectives',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO objectives (id, perspective_id, name, description, weight, position)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET perspective_id = excluded.perspective_id,
           name = excluded.name, description = excluded.description, weight = excluded.weight,
           position = excluded.position`,
      ).run(id, f.perspectiveId, f.name, text(f.description), f.weight, f.position);
    },
    remove: deleteWhere('DELETE FROM objectives WHERE id = ?'),
  },
  kpi: {
    ids: 'SELECT id FROM kpis',
    write(db, id, f) {
      kpiUpsert(db).run(toRow({ ...f, id } as unknown as Kpi));
    },
    remove: deleteWhere('DELETE FROM kpis WHERE id = ?'),
  },
  action_plan: {
    ids: 'SELECT id FROM action_plans',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO action_plans
           (id, kpi_id, objective_id, title, owner, due_date, status, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kpi_id = excluded.kpi_id,
           objective_id = excluded.objective_id, title = excluded.title, owner = excluded.owner,
           due_date = excluded.due_date, status = excluded.status, notes = excluded.notes,
           created_at = excluded.created_at, updated_at = excluded.updated_at`,
      ).run(
        id,
        orNull(f.kpiId),
        orNull(f.objectiveId),
        f.title,
        text(f.owner),
        orNull(f.dueDate),
        f.status,
        text(f.notes),
        f.createdAt,
        f.updatedAt,
      );
    },
    remove: deleteWhere('DELETE FROM action_plans WHERE id = ?'),
  },
  // Keyed by the KPI they belong to.
  kpi_reminder: {
    ids: 'SELECT kpi_id FROM kpi_reminder_overrides',
    write(db, kpiId, f) {
      db.prepare(
        `INSERT INTO kpi_reminder_overrides (kpi_id, mode, grace_days, time_of_day) VALUES (?, ?, ?, ?)
         ON CONFLICT (kpi_id) DO UPDATE SET mode = excluded.mode,
           grace_days = excluded.grace_days, time_of_day = excluded.time_of_day`,
      ).run(kpiId, f.mode, orNull(f.graceDays), orNull(f.timeOfDay));
    },
    remove: deleteWhere('DELETE FROM kpi_reminder_overrides WHERE kpi_id = ?'),
  },
  // Keyed by the scorecard they belong to.
  review_schedule: {
    ids: 'SELECT scorecard_id FROM review_schedules',
    write(db, scorecardId, f) {
      db.prepare(
        `INSERT INTO review_schedules
           (scorecard_id, cadence, interval_weeks, start_date, time_of_day, lead_days, prepare)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scorecard_id) DO UPDATE SET cadence = excluded.cadence,
           interval_weeks = excluded.interval_weeks, start_date = excluded.start_date,
           time_of_day = excluded.time_of_day, lead_days = excluded.lead_days,
           prepare = excluded.prepare`,
      ).run(
        scorecardId,
        f.cadence,
        f.intervalWeeks,
        f.startDate,
        f.timeOfDay,
        f.leadDays,
        text(f.prepare),
      );
    },
    remove: deleteWhere('DELETE FROM review_schedules WHERE scorecard_id = ?'),
  },
  objective_link: {
    ids: 'SELECT id FROM objective_links',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO objective_links (id, from_objective_id, to_objective_id, label, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET from_objective_id = excluded.from_objective_id,
           to_objective_id = excluded.to_objective_id, label = excluded.label,
           created_at = excluded.created_at`,
      ).run(id, f.fromObjectiveId, f.toObjectiveId, text(f.label), f.createdAt);
    },
    remove: deleteWhere('DELETE FROM objective_links WHERE id = ?'),
  },
  // Keyed '<scorecard id>/<objective id>'.
  map_position: {
    ids: "SELECT scorecard_id || '/' || objective_id FROM map_positions",
    write(db, id, f) {
      const [scorecardId, objectiveId] = splitPair(id);
      db.prepare(
        `INSERT INTO map_positions (scorecard_id, objective_id, x, y) VALUES (?, ?, ?, ?)
         ON CONFLICT (scorecard_id, objective_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      ).run(scorecardId, objectiveId, f.x, f.y);
    },
    remove(db, id) {
      db.prepare('DELETE FROM map_positions WHERE scorecard_id = ? AND objective_id = ?').run(
        ...splitPair(id),
      );
    },
  },
  health_dismissal: {
    ids: 'SELECT id FROM health_dismissals',
    write(db, id, f) {
      db.prepare(
        `INSERT INTO health_dismissals (id, finding_key, reason, dismissed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET finding_key = excluded.finding_key,
           reason = excluded.reason, dismissed_at = excluded.dismissed_at`,
      ).run(id, f.findingKey, f.reason, f.dismissedAt);
    },
    remove: deleteWhere('DELETE FROM health_dismissals WHERE id = ?'),
  },
};

/** Only the fields a setting knows, over its defaults: a newer app's extra field is not kept. */
function known<T extends object>(defaults: T, fields: Fields): T {
  const merged: Fields = { ...(defaults as Fields) };
  for (const key of Object.keys(defaults)) if (key in fields) merged[key] = fields[key];
  return merged as T;
}

export const SETTINGS_WRITERS: Record<SettingsKind, (db: Db, fields: Fields) => void> = {
  workspace(db, f) {
    if (typeof f.id === 'string') writeMeta(db, 'id', f.id);
    if (typeof f.name === 'string') writeMeta(db, 'name', f.name);
    if (typeof f.createdAt === 'string' && f.createdAt !== '')
      writeMeta(db, 'created_at', f.createdAt);
    if (typeof f.fiscalYearStartMonth === 'number')
      writeMeta(db, 'fiscal_year_start_month', String(f.fiscalYearStartMonth));
  },
  reminder_defaults(db, f) {
    const defaults = known(DEFAULT_DATA_DUE, f);
    db.prepare(
      `INSERT INTO reminder_defaults (id, data_due_enabled, grace_days, time_of_day) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data_due_enabled = excluded.data_due_enabled,
         grace_days = excluded.grace_days, time_of_day = excluded.time_of_day`,
    ).run(defaults.enabled ? 1 : 0, defaults.graceDays, defaults.timeOfDay);
  },
  report_options(db, f) {
    // Stored as its store does (report/options-store.ts), which reads it back tolerantly.
    db.prepare(
      `INSERT INTO workspace_meta (key, value) VALUES ('report_options', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(JSON.stringify(known(DEFAULT_REPORT_OPTIONS, f)));
  },
};

import { REMINDER_SCHEMA } from '../reminders/schema';
import type { Db } from './connection';
import { CHANGE_LOG_V5 } from './change-log-v5';
import { changeLogEntities, widenChangeLogEntities } from './change-log-entities';
import { packChangeLog } from './change-log-packs';
import { addHealthDismissals } from './health-dismissals-schema';
import { SCHEMA_V1 } from './schema-v1';
import { STRATEGY_MAP_SCHEMA } from './strategy-map-schema';
import { TEAM_SYNC_SCHEMA } from '../sync/workspace-schema';

// Forward-only, numbered migrations (STYLE.md pattern 7). A migration is never edited once
// shipped: users' files were written by it. Add a new one with the next number instead.

/** "KPIS" in ASCII: marks a SQLite file as ours, so a foreign database is never touched. */
export const APPLICATION_ID = 0x4b504953;

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up(db) {
      db.exec(SCHEMA_V1);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  {
    version: 2,
    name: 'calculated KPIs and targets that change over time',
    up(db) {
      db.exec(`
        ALTER TABLE kpis ADD COLUMN formula TEXT
          CHECK (formula IS NULL OR length(formula) BETWEEN 1 AND 2000);
        ALTER TABLE kpis ADD COLUMN target_plan TEXT
          CHECK (target_plan IS NULL OR json_valid(target_plan));
      `);
    },
  },
  {
    version: 3,
    name: 'action plans',
    up(db) {
      // What is being done about an off-track KPI or objective (PRODUCT.md "Action plan").
      // Exactly one of kpi_id / objective_id is set; deleting that record deletes its plans.
      db.exec(`
        CREATE TABLE action_plans (
          id TEXT PRIMARY KEY,
          kpi_id TEXT REFERENCES kpis (id) ON DELETE CASCADE,
          objective_id TEXT REFERENCES objectives (id) ON DELETE CASCADE,
          title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
          owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
          due_date TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
          status TEXT NOT NULL
            CHECK (status IN ('planned', 'in_progress', 'blocked', 'done', 'cancelled')),
          notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          CHECK ((kpi_id IS NULL) <> (objective_id IS NULL))
        ) STRICT;
        CREATE INDEX action_plans_by_kpi ON action_plans (kpi_id) WHERE kpi_id IS NOT NULL;
        CREATE INDEX action_plans_by_objective ON action_plans (objective_id)
          WHERE objective_id IS NOT NULL;
      `);
    },
  },
  {
    version: 4,
    name: 'reminder settings',
    up(db) {
      db.exec(REMINDER_SCHEMA);
    },
  },
  {
    version: 5,
    name: 'every entity in the change log',
    up(db) {
      db.exec(CHANGE_LOG_V5);
    },
  },
  {
    version: 6,
    name: 'strategy map: links between objectives and map positions',
    up(db) {
      db.exec(STRATEGY_MAP_SCHEMA);
      widenChangeLogEntities(db, ['objective_link', 'map_position']);
    },
  },
  {
    version: 7,
    name: 'team sync',
    up(db) {
      db.exec(TEAM_SYNC_SCHEMA);
    },
  },
  {
    version: 8,
    name: 'health check dismissals',
    up: addHealthDismissals,
  },
  {
    version: 9,
    name: 'packed change log: an import logs its values a KPI at a time',
    up(db) {
      packChangeLog(
        db,
        changeLogEntities(db)
          .map((kind) => `'${kind}'`)
          .join(', '),
      );
    },
  },
];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a list with gaps or duplicates, which would skip or repeat a step on users' files. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`,
      );
  });
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class MigrationError extends Error {
  constructor(
    readonly failedVersion: number,
    readonly reachedVersion: number,
    cause: unknown,
  ) {
    super(`Migration to schema ${failedVersion} failed`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Runs the migrations above the file's version, up to `target`, each in its own transaction
 * together with its `user_version` bump: a failing step rolls back whole and leaves the file
 * at the previous version. Works inside an outer transaction too (steps become savepoints).
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  target: number = latestVersion(migrations),
): { from: number; to: number } {
  checkMigrationList(migrations);
  const from = schemaVersionOf(db);
  let reached = from;
  for (const migration of migrations) {
    if (migration.version <= reached || migration.version > target) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (cause) {
      throw new MigrationError(migration.version, reached, cause);
    }
    reached = migration.version;
  }
  return { from, to: reached };
}

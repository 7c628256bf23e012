import type BetterSqlite3 from 'better-sqlite3';
import { SCHEMA_V1 } from './schema-v1';

// Forward-only, numbered migrations (STYLE.md pattern 7). A migration is never edited once
// shipped: users' files were written by it. Add a new one with the next number instead.

export type Db = BetterSqlite3.Database;

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

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../../electron/backend';
import {
  checkMigrationList,
  migrate,
  MigrationError,
  schemaVersionOf,
} from '../../../electron/backend/workspace/migrations';
import { makeBackend, sideFiles, tempDir } from './helpers';

// A synthetic "next" migration exercises the runner the way a real schema 2 will: migrate to
// N−1, insert data, migrate to N, check the data came through (STYLE.md pattern 7).

const V1 = MIGRATIONS.length;

const addShortNames: Migration = {
  version: V1 + 1,
  name: 'scorecard short names',
  up(db) {
    db.exec(`ALTER TABLE scorecards ADD COLUMN short_name TEXT NOT NULL DEFAULT ''`);
    db.exec('UPDATE scorecards SET short_name = upper(substr(name, 1, 3))');
  },
};

const failing: Migration = {
  version: V1 + 1,
  name: 'breaks half way',
  up(db) {
    db.exec(`ALTER TABLE scorecards ADD COLUMN short_name TEXT NOT NULL DEFAULT ''`);
    db.exec('UPDATE scorecards SET name = name');
    throw new Error('disk gremlin');
  },
};

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

describe('the migration runner', () => {
  it('migrates data written at N−1 to N', () => {
    const db = new Database(join(tempDir(), 'runner.kpis'));
    const list = [...MIGRATIONS, addShortNames];
    expect(migrate(db, list, V1)).toEqual({ from: 0, to: V1 });
    db.prepare("INSERT INTO scorecards (id, name, position) VALUES ('a', 'Marketing', 0)").run();
    expect(migrate(db, list)).toEqual({ from: V1, to: V1 + 1 });
    expect(schemaVersionOf(db)).toBe(V1 + 1);
    expect(db.prepare('SELECT short_name FROM scorecards').get()).toEqual({ short_name: 'MAR' });
    expect(migrate(db, list)).toEqual({ from: V1 + 1, to: V1 + 1 });
    db.close();
  });

  it('rolls a failing migration back whole and leaves the file at N−1', () => {
    const db = new Database(join(tempDir(), 'runner.kpis'));
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO scorecards (id, name, position) VALUES ('a', 'Marketing', 0)").run();
    let caught: unknown;
    try {
      migrate(db, [...MIGRATIONS, failing]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    expect(caught).toMatchObject({ failedVersion: V1 + 1, reachedVersion: V1 });
    expect(schemaVersionOf(db)).toBe(V1);
    expect(columnsOf(db, 'scorecards')).not.toContain('short_name');
    expect(db.prepare('SELECT name FROM scorecards').all()).toEqual([{ name: 'Marketing' }]);
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    expect(() => {
      checkMigrationList([...MIGRATIONS, { ...addShortNames, version: V1 + 2 }]);
    }).toThrow(new RegExp(`expected ${V1 + 1}`));
  });
});

describe('opening an older workspace', () => {
  async function v1File() {
    const t = makeBackend();
    const path = join(t.dir, 'Old.kpis');
    await t.call('workspace.create', { name: 'Old', path });
    await t.call('scorecard.create', { name: 'Marketing' });
    await t.call('workspace.close', {});
    return { dir: t.dir, path };
  }

  it('backs the file up, migrates it, and says so', async () => {
    const { dir, path } = await v1File();
    const now = () => new Date('2026-03-31T10:15:00.123Z');
    const newer = makeBackend({
      dir,
      internals: { migrations: [...MIGRATIONS, addShortNames] },
      now,
    });
    const info = await newer.call('workspace.open', { path });
    const backupPath = `${path}.v${V1}-backup-20260331T101500Z.kpis`;
    expect(info).toMatchObject({ schemaVersion: V1 + 1, migratedFrom: V1, backupPath });
    expect((await newer.call('scorecard.list', {})).map((s) => s.name)).toEqual(['Marketing']);
    await newer.call('workspace.close', {});
    expect(sideFiles(path)).toEqual([]);
    expect(sideFiles(backupPath)).toEqual([]);

    // (A read-only connection to a WAL file leaves -wal/-shm behind, so look last.)
    const migrated = new Database(path, { readonly: true });
    expect(migrated.prepare('SELECT short_name FROM scorecards').all()).toEqual([
      { short_name: 'MAR' },
    ]);
    migrated.close();
    const backup = new Database(backupPath, { readonly: true });
    expect(schemaVersionOf(backup)).toBe(V1);
    expect(backup.prepare('SELECT name FROM scorecards').all()).toEqual([{ name: 'Marketing' }]);
    backup.close();

    // Opening it again does not migrate (or back up) a second time.
    const again = makeBackend({ dir, internals: { migrations: [...MIGRATIONS, addShortNames] } });
    expect(await again.call('workspace.open', { path })).toMatchObject({
      migratedFrom: null,
      backupPath: null,
    });
    expect(readdirSync(dir).filter((f) => /backup.*\.kpis$/.test(f))).toHaveLength(1);
  });

  it('leaves the file at its old version when the migration fails', async () => {
    const { dir, path } = await v1File();
    const newer = makeBackend({ dir, internals: { migrations: [...MIGRATIONS, failing] } });
    const error = await newer.fail('workspace.open', { path });
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toMatch(
      new RegExp(
        `^"Old\\.kpis" could not be upgraded to schema ${V1 + 1} \\(disk gremlin\\)\\. It was left at schema ${V1}; a copy taken before the upgrade is at ".+\\.v${V1}-backup-.+\\.kpis"\\.$`,
      ),
    );
    expect(await newer.call('workspace.current', {})).toBeNull();
    expect(sideFiles(path)).toEqual([]);

    const current = makeBackend({ dir });
    const info = await current.call('workspace.open', { path });
    expect(info).toMatchObject({ schemaVersion: V1, migratedFrom: null });
    expect((await current.call('scorecard.list', {})).map((s) => s.name)).toEqual(['Marketing']);
    expect(existsSync(path)).toBe(true);
  });
});

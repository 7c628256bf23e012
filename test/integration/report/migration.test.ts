import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../electron/backend/workspace/migrations';
import { tempDir } from '../backend/helpers';

// Migration 3 adds action plans to a workspace written by version 2, keeping its data, and
// the table refuses what the app never writes (STYLE.md pattern 7: a test per migration).

const ACTION_PLANS = 3;

function v2Workspace() {
  const db = new Database(join(tempDir(), 'old.kpis'));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, ACTION_PLANS - 1);
  db.exec(`
    INSERT INTO scorecards (id, name) VALUES ('s', 'Company');
    INSERT INTO perspectives (id, scorecard_id, name) VALUES ('p', 's', 'Financial');
    INSERT INTO objectives (id, perspective_id, name) VALUES ('o', 'p', 'Grow');
  `);
  return db;
}

const insert = (db: Database.Database, fields: Record<string, string | null>) => {
  const row = {
    id: 'a1',
    kpi_id: null,
    objective_id: 'o',
    title: 'Open a second shop',
    due_date: null,
    status: 'planned',
    ...fields,
  };
  db.prepare(
    `INSERT INTO action_plans (id, kpi_id, objective_id, title, due_date, status, created_at, updated_at)
     VALUES (@id, @kpi_id, @objective_id, @title, @due_date, @status, 'now', 'now')`,
  ).run(row);
};

describe('migration 3: action plans', () => {
  it('adds the table to a version 2 file and keeps its records', () => {
    const db = v2Workspace();
    migrate(db, MIGRATIONS, ACTION_PLANS);
    expect(db.prepare('SELECT name FROM objectives').pluck().all()).toEqual(['Grow']);
    insert(db, { due_date: '2026-04-30' });
    expect(db.prepare('SELECT title FROM action_plans').pluck().all()).toEqual([
      'Open a second shop',
    ]);
    // Deleting the objective deletes its plans.
    db.prepare(`DELETE FROM objectives WHERE id = 'o'`).run();
    expect(db.prepare('SELECT count(*) FROM action_plans').pluck().get()).toBe(0);
  });

  it('refuses a plan for no record or two, an impossible day, an unknown status', () => {
    const db = v2Workspace();
    migrate(db, MIGRATIONS, ACTION_PLANS);
    expect(() => insert(db, { objective_id: null })).toThrow(/CHECK/);
    expect(() => insert(db, { kpi_id: 'k' })).toThrow();
    expect(() => insert(db, { due_date: '2026-02-30' })).toThrow(/CHECK/);
    expect(() => insert(db, { status: 'sort of' })).toThrow(/CHECK/);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/backend';
import {
  changeLogEntities,
  widenChangeLogEntities,
} from '../../../electron/backend/workspace/change-log-entities';
import { migrate } from '../../../electron/backend/workspace/migrations';
import { tempDir } from '../backend/helpers';

// The migration "health check dismissals" adds them and widens the change log's entity list by reading it
// from the file: the log before it comes through whole and append-only, and a kind another
// feature's migration added first is kept.

const INSERT = 'INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const entry = (id: string, entity: string) => [
  id,
  entity,
  `${entity}-1`,
  'insert',
  null,
  '{}',
  '2026-01-01T00:00:00.000Z',
  'device',
];

/** Its number: the coordinator renumbers migrations as branches merge. */
const HEALTH = MIGRATIONS.findIndex((m) => m.name === 'health check dismissals') + 1;

describe('migration "health check dismissals"', () => {
  it('keeps the log before it and accepts dismissals only from it on', () => {
    const db = new Database(join(tempDir(), 'before.kpis'));
    migrate(db, MIGRATIONS, HEALTH - 1);
    db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000001', 'report_options'));
    expect(() =>
      db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000002', 'health_dismissal')),
    ).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM change_log').all();

    migrate(db, MIGRATIONS, HEALTH);
    expect(db.prepare('SELECT * FROM change_log').all()).toEqual(before);
    db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000003', 'health_dismissal'));
    expect(() =>
      db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000004', 'gossip')),
    ).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare('INSERT INTO health_dismissals VALUES (?, ?, ?, ?)')
        .run('d', 'no_owner:k', '', '2026-01-01'),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('widens whatever list the file has, keeping kinds added by other migrations', () => {
    const db = new Database(join(tempDir(), 'v5.kpis'));
    migrate(db, MIGRATIONS, 5);
    db.transaction(() => widenChangeLogEntities(db, ['other_feature']))();
    db.transaction(() => widenChangeLogEntities(db, ['health_dismissal', 'other_feature']))();
    const kinds = changeLogEntities(db);
    expect(kinds.slice(-2)).toEqual(['other_feature', 'health_dismissal']);
    expect(kinds).toContain('value');
    expect(() => widenChangeLogEntities(db, ["x'); DROP TABLE kpis; --"])).toThrow(
      /not an entity name/,
    );
    db.close();
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import { MIGRATIONS } from '../../../electron/backend';
import { migrate } from '../../../electron/backend/workspace/migrations';
import { tempDir } from '../backend/helpers';

// The strategy-map migration: a schema 5 file's log comes through unchanged; afterwards the
// log takes links and map positions, and the tables themselves refuse a self-link and a
// duplicate even if a writer forgot the service's checks.

const STRATEGY_MAP = MIGRATIONS.findIndex((m) => m.name.startsWith('strategy map')) + 1;
const INSERT = 'INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const entry = (n: number, entity: string) => [
  `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  entity,
  `${entity}-1`,
  'insert',
  null,
  '{}',
  '2026-01-01T00:00:00.000Z',
  'device',
];

describe('migration "strategy map"', () => {
  it('keeps the log, accepts the new entities, and guards the link table', () => {
    const db = new Database(join(tempDir(), 'v5.kpis'));
    migrate(db, MIGRATIONS, STRATEGY_MAP - 1);
    db.prepare(INSERT).run(entry(1, 'objective'));
    expect(() => db.prepare(INSERT).run(entry(2, 'objective_link'))).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM change_log').all();

    migrate(db, MIGRATIONS, STRATEGY_MAP);
    expect(db.prepare('SELECT * FROM change_log').all()).toEqual(before);
    // Kinds up to the strategy map's own; later features' kinds come with their migrations.
    CHANGE_ENTITIES.slice(0, CHANGE_ENTITIES.indexOf('map_position') + 1).forEach((entity, i) =>
      db.prepare(INSERT).run(entry(10 + i, entity)),
    );
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);

    db.exec(`
      INSERT INTO scorecards (id, parent_id, name, description, position) VALUES ('s', NULL, 'S', '', 0);
      INSERT INTO perspectives (id, scorecard_id, name, weight, position) VALUES ('p', 's', 'P', 1, 0);
      INSERT INTO objectives (id, perspective_id, name, description, weight, position)
        VALUES ('a', 'p', 'A', '', 1, 0), ('b', 'p', 'B', '', 1, 1);
    `);
    const link = db.prepare(
      "INSERT INTO objective_links (id, from_objective_id, to_objective_id, label, created_at) VALUES (?, ?, ?, '', 'now')",
    );
    link.run('l1', 'a', 'b');
    link.run('l2', 'b', 'a');
    expect(() => link.run('l3', 'a', 'a')).toThrow(/CHECK/);
    expect(() => link.run('l4', 'a', 'b')).toThrow(/UNIQUE/);
    expect(() => link.run('l5', 'a', 'nowhere')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM objectives WHERE id = 'b'").run();
    expect(db.prepare('SELECT count(*) AS n FROM objective_links').get()).toEqual({ n: 0 });
    db.close();
  });
});

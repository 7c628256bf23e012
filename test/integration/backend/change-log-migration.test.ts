import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import { MIGRATIONS } from '../../../electron/backend';
import { migrate, schemaVersionOf } from '../../../electron/backend/workspace/migrations';
import { makeBackend, tempDir } from './helpers';

// Schema 5 rebuilds the change log so it accepts every entity the app logs (action plans,
// reminder settings, report options): the entries of a schema 4 file come through unchanged,
// the log stays append-only, and opening such a file backs it up first.

const entry = (id: string, entity: string) => [
  id,
  entity,
  `${entity}-1`,
  'insert',
  null,
  JSON.stringify({ name: entity }),
  '2026-01-01T00:00:00.000Z',
  'device',
];
const INSERT = 'INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

describe('migration to schema 5 (every entity in the change log)', () => {
  it('keeps every entry of a schema 4 log and accepts the new entities', () => {
    const db = new Database(join(tempDir(), 'v4.kpis'));
    migrate(db, MIGRATIONS, 4);
    db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000001', 'scorecard'));
    db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000002', 'value'));
    expect(() =>
      db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000003', 'action_plan')),
    ).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM change_log ORDER BY id').all();

    expect(migrate(db, MIGRATIONS, 5)).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT * FROM change_log ORDER BY id').all()).toEqual(before);
    // The entities schema 5 lists; later kinds come with their own migrations.
    CHANGE_ENTITIES.slice(0, CHANGE_ENTITIES.indexOf('report_options') + 1).forEach((entity, i) => {
      db.prepare(INSERT).run(entry(`01900000-0000-7000-8000-1000000000${10 + i}`, entity));
    });
    expect(() =>
      db.prepare(INSERT).run(entry('01900000-0000-7000-8000-000000000009', 'gossip')),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE change_log SET entity_id = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(schemaVersionOf(db)).toBe(5);
    db.close();
  });

  it('backs up a schema 4 workspace before migrating it, and its value history survives', async () => {
    const old = makeBackend({ internals: { migrations: MIGRATIONS.slice(0, 4) } });
    const path = join(old.dir, 'Old.kpis');
    await old.call('workspace.create', { name: 'Old', path });
    const scorecard = await old.call('scorecard.create', { name: 'Company' });
    const view = await old.call('scorecard.evaluate', { id: scorecard.id });
    const objective = await old.call('objective.create', {
      perspectiveId: view.perspectives[0]?.perspective.id ?? '',
      name: 'Grow',
    });
    const kpi = await old.call('kpi.create', { objectiveId: objective.id, name: 'Revenue' });
    await old.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 5 });
    await old.call('workspace.close', {});

    const t = makeBackend({ dir: old.dir });
    const info = await t.call('workspace.open', { path });
    expect(info).toMatchObject({ schemaVersion: MIGRATIONS.length, migratedFrom: 4 });
    expect(info.backupPath !== null && existsSync(info.backupPath)).toBe(true);
    expect(await t.call('value.history', { kpiId: kpi.id, period: '2026-01' })).toMatchObject([
      { operation: 'insert', newValue: { value: 5 } },
    ]);
    const plan = await t.call('actionPlan.create', {
      kpiId: kpi.id,
      objectiveId: null,
      title: 'Now logged',
    });
    expect(plan.title).toBe('Now logged');
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend } from './helpers';

// Automatic backups: one a day when a workspace is opened, kept 7 daily + 4 weekly, listed with
// their date and counts; a restore brings the content back and can itself be undone.

async function workspaceWithClock() {
  let now = new Date('2026-03-02T09:00:00.000Z');
  const t = makeBackend({ now: () => now });
  const path = join(t.dir, 'Acme.kpis');
  const workspace = await t.call('workspace.create', { name: 'Acme', path });
  const scorecard = await t.call('scorecard.create', { name: 'Company' });
  const view = await t.call('scorecard.evaluate', { id: scorecard.id });
  const objective = await t.call('objective.create', {
    perspectiveId: view.perspectives[0]?.perspective.id ?? '',
    name: 'Grow revenue',
  });
  const kpi = await t.call('kpi.create', { objectiveId: objective.id, name: 'Revenue' });
  await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 100 });
  const reopen = async (at: string) => {
    now = new Date(at);
    await t.call('workspace.close', {});
    return t.call('workspace.open', { path });
  };
  return { t, path, workspace, objective, kpi, reopen };
}

describe('automatic backups', () => {
  it('takes one backup a day when the workspace is opened, listed with date and counts', async () => {
    const { t, reopen } = await workspaceWithClock();
    expect(await t.call('backup.list', {})).toEqual([]);
    await reopen('2026-03-03T08:00:00.000Z');
    await reopen('2026-03-03T17:00:00.000Z');
    const list = await t.call('backup.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      kind: 'daily',
      takenAt: '2026-03-03T08:00:00.000Z',
      scorecards: 1,
      kpis: 1,
      values: 1,
    });
    expect(list[0]?.sizeBytes).toBeGreaterThan(0);
  });

  it('keeps 7 daily and 4 weekly backups over two months of daily use', async () => {
    const { t, reopen } = await workspaceWithClock();
    for (let day = 0; day < 60; day += 1)
      await reopen(new Date(Date.UTC(2026, 2, 3 + day, 9)).toISOString());
    const list = await t.call('backup.list', {});
    expect(list.length).toBeLessThanOrEqual(11);
    expect(list.slice(0, 7).map((b) => b.takenAt.slice(0, 10))).toEqual([
      '2026-05-01',
      '2026-04-30',
      '2026-04-29',
      '2026-04-28',
      '2026-04-27',
      '2026-04-26',
      '2026-04-25',
    ]);
    // Older ones are a week apart or more.
    const older = list.slice(7).map((b) => Date.parse(b.takenAt));
    for (let i = 1; i < older.length; i += 1)
      expect((older[i - 1] as number) - (older[i] as number)).toBeGreaterThanOrEqual(86_400_000);
    expect(older.length).toBeGreaterThan(0);
  }, 60_000);

  it('restores a backup, and undoes the restore from the backup it took first', async () => {
    const { t, reopen, objective, kpi, path } = await workspaceWithClock();
    await reopen('2026-03-03T08:00:00.000Z');
    const [daily] = await t.call('backup.list', {});
    // Work after the backup: a new KPI and a changed value.
    await t.call('kpi.create', { objectiveId: objective.id, name: 'Margin' });
    await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 250 });

    const restored = await t.call('backup.restore', { id: daily?.id ?? '' });
    expect(restored.path).toBe(path);
    expect((await t.call('kpi.list', {})).map((k) => k.name)).toEqual(['Revenue']);
    const values = await t.call('value.list', { kpiIds: [kpi.id] });
    expect(values.map((v) => v.value)).toEqual([100]);

    const list = await t.call('backup.list', {});
    const before = list.find((b) => b.kind === 'before-restore');
    expect(before).toMatchObject({ kpis: 2, values: 1 });
    await t.call('backup.restore', { id: before?.id ?? '' });
    expect((await t.call('kpi.list', {})).map((k) => k.name).sort()).toEqual(['Margin', 'Revenue']);
    expect((await t.call('value.list', { kpiIds: [kpi.id] })).map((v) => v.value)).toEqual([250]);
    // No temporary files left beside the workspace.
    expect(readdirSync(t.dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('refuses a backup that is not in the list, changing nothing', async () => {
    const { t, kpi } = await workspaceWithClock();
    const error = await t.fail('backup.restore', { id: '2026-01-01T00-00-00-000Z-daily.kpis' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await t.call('value.list', { kpiIds: [kpi.id] })).map((v) => v.value)).toEqual([100]);
  });
});

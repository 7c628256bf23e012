import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, dryRun, writeFile } from '../import/helpers';
import { changeLog, entriesSince, replayValues, storedValues } from './change-log-helpers';
import { makeBackend, withScorecard } from './helpers';

// Every write goes one way and leaves its change-log entries in the same transaction (issue
// 14): the API, the values import, the package import and the sample. The log alone rebuilds
// every value, so it can serve as history, audit trail and, later, the unit of sync.

const summary = (entries: { entity: string; operation: string }[]) =>
  entries.map((entry) => `${entry.entity} ${entry.operation}`);

describe('the change log', () => {
  it('holds an entry for every write of the API, cascades included', async () => {
    const t = await withScorecard();
    const perspectiveId = t.perspectiveIds[0] ?? '';
    let log = await changeLog(t);
    const after = async (action: () => Promise<unknown>): Promise<string[]> => {
      await action();
      const added = await entriesSince(t, log);
      log = [...log, ...added];
      return summary(added);
    };

    expect(
      await after(() => t.call('scorecard.update', { id: t.scorecard.id, name: 'HQ' })),
    ).toEqual(['scorecard update']);
    expect(await after(() => t.call('workspace.rename', { name: 'Acme Ltd' }))).toEqual([
      'workspace update',
    ]);
    expect(
      await after(() =>
        t.call('perspective.reorder', {
          scorecardId: t.scorecard.id,
          orderedIds: [...t.perspectiveIds].reverse(),
        }),
      ),
    ).toEqual(Array.from({ length: 4 }, () => 'perspective update'));
    const create = (name: string) => t.call('kpi.create', { objectiveId: t.objective.id, name });
    const revenue = await create('Revenue');
    const margin = await create('Margin');
    log = await changeLog(t);
    expect(summary(log.slice(-2))).toEqual(['kpi insert', 'kpi insert']);
    expect(
      await after(() => t.call('kpi.setParent', { id: margin.id, parentKpiId: revenue.id })),
    ).toEqual(['kpi update']);
    expect(
      await after(() =>
        t.call('value.setMany', {
          entries: [
            { kpiId: revenue.id, period: '2026-01', value: 10 },
            { kpiId: revenue.id, period: '2026-02', value: 20 },
          ],
        }),
      ),
    ).toEqual(['value insert', 'value insert']);
    expect(
      await after(() =>
        t.call('value.setComment', { kpiId: revenue.id, period: '2026-01', comment: 'late' }),
      ),
    ).toEqual(['value update']);
    expect(
      await after(() => t.call('value.set', { kpiId: revenue.id, period: '2026-02', value: 20 })),
    ).toEqual([]);

    const plan = await t.call('actionPlan.create', {
      kpiId: revenue.id,
      objectiveId: null,
      title: 'Call the distributors',
    });
    log = await changeLog(t);
    expect(summary(log.slice(-1))).toEqual(['action_plan insert']);
    expect(
      await after(() => t.call('actionPlan.update', { id: plan.id, status: 'in_progress' })),
    ).toEqual(['action_plan update']);
    const [updated] = log.slice(-1);
    expect(JSON.parse(updated?.old_value ?? '{}')).toMatchObject({ status: 'planned' });
    expect(JSON.parse(updated?.new_value ?? '{}')).toMatchObject({ status: 'in_progress' });

    expect(
      await after(() =>
        t.call('reminders.setDefaults', { enabled: true, graceDays: 5, timeOfDay: '08:30' }),
      ),
    ).toEqual(['reminder_defaults insert']);
    expect(
      await after(() =>
        t.call('reminders.setKpiOverride', { kpiId: revenue.id, mode: 'custom', graceDays: 7 }),
      ),
    ).toEqual(['kpi_reminder insert']);
    expect(
      await after(() =>
        t.call('reminders.setReview', {
          scorecardId: t.scorecard.id,
          cadence: 'monthly',
          startDate: '2026-01-05',
          timeOfDay: '10:00',
        }),
      ),
    ).toEqual(['review_schedule insert']);
    expect(
      await after(() => t.call('reminders.removeReview', { scorecardId: t.scorecard.id })),
    ).toEqual(['review_schedule delete']);
    const options = await t.call('report.options.get', {});
    expect(
      await after(() => t.call('report.options.set', { ...options, includeComments: false })),
    ).toEqual(['report_options update']);

    // A deleted KPI takes its values, its plan and its override with it; its child stays,
    // detached. Each is logged, so replaying the log needs no knowledge of the cascade.
    expect(await after(() => t.call('kpi.delete', { id: revenue.id }))).toEqual([
      'value delete',
      'value delete',
      'action_plan delete',
      'kpi_reminder delete',
      'kpi update',
      'kpi delete',
    ]);
    expect(await after(() => t.call('perspective.delete', { id: perspectiveId }))).toEqual([
      'kpi delete',
      'objective delete',
      'perspective delete',
    ]);
  });

  it('replays to exactly the values table after edits, deletes, imports, a package and the sample', async () => {
    const t = await withScorecard();
    const kpi = (name: string) => t.call('kpi.create', { objectiveId: t.objective.id, name });
    const revenue = await kpi('Revenue');
    const costs = await kpi('Costs');
    const gone = await kpi('Discontinued');
    await t.call('value.setMany', {
      entries: [
        { kpiId: revenue.id, period: '2026-01', value: 100 },
        { kpiId: revenue.id, period: '2026-02', value: 110 },
        { kpiId: costs.id, period: '2026-01', value: 40 },
        { kpiId: gone.id, period: '2026-01', value: 1 },
      ],
    });
    await t.call('value.set', { kpiId: revenue.id, period: '2026-02', value: 115 });
    await t.call('value.delete', { kpiId: costs.id, period: '2026-01' });
    await t.call('kpi.delete', { id: gone.id });

    // A values import: new values, one changed, one unchanged.
    const csv = writeFile(
      t,
      'values.csv',
      'KPI,Period,Value\nRevenue,2026-02,120\nRevenue,2026-03,130\nCosts,2026-02,45\nRevenue,2026-01,100\n',
    );
    await applyImport(t, (await dryRun(t, csv)).id);

    // A package from another workspace, imported into this one.
    const other = await withScorecard();
    const sales = await other.call('kpi.create', {
      objectiveId: other.objective.id,
      name: 'Sales',
    });
    await other.call('value.set', { kpiId: sales.id, period: '2025-12', value: 7 });
    await other.call('export.package', {
      destination: { kind: 'file', path: join(t.dir, 'other.json') },
    });
    await t.call('package.import', { path: join(t.dir, 'other.json'), into: 'current' });

    const stored = await storedValues(t);
    expect(stored.size).toBe(5);
    expect(replayValues(await changeLog(t))).toEqual(stored);

    const sample = makeBackend();
    await sample.call('workspace.openSample', {});
    const sampleValues = await storedValues(sample);
    expect(sampleValues.size).toBeGreaterThan(5);
    expect(replayValues(await changeLog(sample))).toEqual(sampleValues);
  });

  it('logs one entry per value a CSV import writes, none when the same file comes again', async () => {
    const t = await withScorecard();
    const names = ['Revenue', 'Costs', 'Headcount'];
    const ids = new Map<string, string>();
    for (const name of names)
      ids.set(name, (await t.call('kpi.create', { objectiveId: t.objective.id, name })).id);
    await t.call('value.set', { kpiId: ids.get('Costs') ?? '', period: '2026-01', value: 1 });
    const rows = names.flatMap((name) =>
      ['2026-01', '2026-02', '2026-03', '2026-04'].map(
        (period, i) => `${name},${period},${i + 10},${name === 'Revenue' ? 'from the ledger' : ''}`,
      ),
    );
    const path = join(t.dir, 'values.csv');
    writeFileSync(path, `KPI,Period,Value,Comment\n${rows.join('\n')}\n`);

    const before = await changeLog(t);
    const ready = await dryRun(t, path);
    expect(ready.summary).toMatchObject({ newValues: 11, changedValues: 1 });
    await applyImport(t, ready.id);
    const added = await entriesSince(t, before);
    expect(summary(added).filter((s) => s === 'value insert')).toHaveLength(11);
    expect(summary(added).filter((s) => s === 'value update')).toHaveLength(1);
    expect(added).toHaveLength(12);
    const inserted = added.find(
      (entry) => entry.entity_id === `${ids.get('Revenue') ?? ''}/2026-02`,
    );
    expect(JSON.parse(inserted?.new_value ?? 'null')).toEqual({
      kpiId: ids.get('Revenue'),
      period: '2026-02',
      value: 11,
      comment: 'from the ledger',
      enteredBy: 'Ana',
      enteredAt: expect.any(String) as unknown,
      // The file the value came from, for the audit trail.
      source: expect.stringMatching(/\.csv$/u) as unknown,
    });
    const changed = added.find((entry) => entry.operation === 'update');
    expect(JSON.parse(changed?.old_value ?? 'null')).toMatchObject({ value: 1 });
    expect(JSON.parse(changed?.new_value ?? 'null')).toMatchObject({ value: 10 });

    const history = await t.call('value.history', {
      kpiId: ids.get('Headcount') ?? '',
      period: '2026-03',
    });
    expect(history).toMatchObject([
      { operation: 'insert', oldValue: null, newValue: { value: 12 } },
    ]);

    const afterFirst = await changeLog(t);
    const again = await dryRun(t, path);
    expect(again.summary).toMatchObject({ newValues: 0, changedValues: 0, unchangedValues: 12 });
    await applyImport(t, again.id);
    expect(await entriesSince(t, afterFirst)).toEqual([]);
  });

  it('logs each record of a package import, with its action plans and reminder settings', async () => {
    const source = await withScorecard();
    const kpi = await source.call('kpi.create', { objectiveId: source.objective.id, name: 'NPS' });
    await source.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 30 });
    await source.call('actionPlan.create', {
      kpiId: kpi.id,
      objectiveId: null,
      title: 'Survey again',
    });
    await source.call('reminders.setKpiOverride', { kpiId: kpi.id, mode: 'off' });
    const file = join(source.dir, 'nps.json');
    await source.call('export.package', { destination: { kind: 'file', path: file } });

    const t = makeBackend();
    await t.call('package.import', {
      path: file,
      into: 'new',
      workspacePath: join(t.dir, 'New.kpis'),
    });
    const kinds = summary(await changeLog(t));
    for (const kind of [
      'scorecard insert',
      'perspective insert',
      'objective insert',
      'kpi insert',
      'value insert',
      'action_plan insert',
      'kpi_reminder insert',
    ])
      expect(kinds).toContain(kind);
    expect(kinds.filter((kind) => kind === 'value insert')).toHaveLength(1);
    const history = await t.call('value.history', { kpiId: kpi.id, period: '2026-01' });
    expect(history).toMatchObject([
      { operation: 'insert', newValue: { value: 30, enteredBy: 'Ana' } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// Values per KPI and period: upsert, comments, delete, history, and all-or-nothing batches.

async function withKpis() {
  let tick = 0;
  // A clock that moves one second per reading, so history order is visible in `at`.
  const t = await withScorecard({ now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, tick++)) });
  const revenue = await t.call('kpi.create', {
    objectiveId: t.objective.id,
    name: 'Revenue',
    target: 100,
  });
  const churn = await t.call('kpi.create', {
    objectiveId: t.objective.id,
    name: 'Churn',
    frequency: 'quarterly',
    direction: 'lower_is_better',
  });
  return { ...t, revenue, churn };
}

describe('values', () => {
  it('refuses a period that is not a key of the KPI frequency', async () => {
    const t = await withKpis();
    const error = await t.fail('value.set', { kpiId: t.revenue.id, period: '2026-13', value: 5 });
    expect(error).toEqual({
      code: 'VALIDATION',
      field: 'period',
      message: 'Period: 2026-13 is not a monthly period (use YYYY-MM)',
      issues: [{ field: 'period', message: '2026-13 is not a monthly period (use YYYY-MM)' }],
    });
    const quarterly = await t.fail('value.set', { kpiId: t.churn.id, period: '2026-03', value: 5 });
    expect(quarterly.message).toBe(
      'Period: 2026-03 is not a quarterly period (use YYYY-Qn, e.g. 2026-Q1)',
    );
    expect(await t.call('value.list', { kpiIds: [t.revenue.id, t.churn.id] })).toEqual([]);
  });

  it('inserts, updates and deletes a value, keeping every old and new value in its history', async () => {
    const t = await withKpis();
    const inserted = await t.call('value.set', {
      kpiId: t.revenue.id,
      period: '2026-01',
      value: 90,
    });
    expect(inserted).toMatchObject({ value: 90, comment: '', enteredBy: 'Ana' });
    await t.call('value.set', {
      kpiId: t.revenue.id,
      period: '2026-01',
      value: 95,
      comment: 'late invoice',
    });
    // The same value and comment again: nothing to record.
    await t.call('value.set', { kpiId: t.revenue.id, period: '2026-01', value: 95 });
    const commented = await t.call('value.setComment', {
      kpiId: t.revenue.id,
      period: '2026-01',
      comment: 'late invoice paid',
    });
    expect(commented).toMatchObject({ value: 95, comment: 'late invoice paid' });
    await t.call('value.delete', { kpiId: t.revenue.id, period: '2026-01' });
    expect(await t.call('value.list', { kpiIds: [t.revenue.id] })).toEqual([]);

    const history = await t.call('value.history', { kpiId: t.revenue.id });
    expect(history.map((h) => h.operation)).toEqual(['delete', 'update', 'update', 'insert']);
    expect(
      history.map((h) =>
        [h.oldValue, h.newValue].map((v) => (v as { value?: number } | null)?.value ?? null),
      ),
    ).toEqual([
      [95, null],
      [95, 95],
      [90, 95],
      [null, 90],
    ]);
    expect(history[0]).toMatchObject({ entity: 'value', entityId: `${t.revenue.id}/2026-01` });
    expect(history[0]?.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const atTimes = history.map((h) => h.at);
    expect([...atTimes].sort().reverse()).toEqual(atTimes);

    await t.call('value.set', { kpiId: t.revenue.id, period: '2026-02', value: 1 });
    expect(await t.call('value.history', { kpiId: t.revenue.id, period: '2026-02' })).toHaveLength(
      1,
    );
    expect(await t.call('value.history', { kpiId: t.churn.id })).toEqual([]);
  });

  it('keeps the stored comment when a value is changed without one', async () => {
    const t = await withKpis();
    await t.call('value.set', { kpiId: t.revenue.id, period: '2026-01', value: 1, comment: 'why' });
    const changed = await t.call('value.set', { kpiId: t.revenue.id, period: '2026-01', value: 2 });
    expect(changed).toMatchObject({ value: 2, comment: 'why' });
  });

  it('names the KPI and period when there is no value to delete or comment', async () => {
    const t = await withKpis();
    const error = await t.fail('value.delete', { kpiId: t.revenue.id, period: '2026-05' });
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No value of the KPI "Revenue" for 2026-05.',
    });
    const comment = await t.fail('value.setComment', {
      kpiId: t.revenue.id,
      period: '2026-05',
      comment: 'x',
    });
    expect(comment.code).toBe('NOT_FOUND');
  });

  it('writes a pasted block all at once', async () => {
    const t = await withKpis();
    const written = await t.call('value.setMany', {
      entries: [
        { kpiId: t.revenue.id, period: '2026-01', value: 10 },
        { kpiId: t.revenue.id, period: '2026-02', value: 20, comment: 'promo' },
        { kpiId: t.churn.id, period: '2026-Q1', value: 3.5 },
      ],
    });
    expect(written.map((v) => v.value)).toEqual([10, 20, 3.5]);
    expect(await t.call('value.list', { kpiIds: [t.revenue.id, t.churn.id] })).toHaveLength(3);
    expect(await t.call('value.history', { kpiId: t.revenue.id })).toHaveLength(2);
  });

  it('writes nothing from a block with one bad entry, and names every bad entry', async () => {
    const t = await withKpis();
    await t.call('value.set', { kpiId: t.revenue.id, period: '2026-01', value: 1 });
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const error = await t.fail('value.setMany', {
      entries: [
        { kpiId: t.revenue.id, period: '2026-01', value: 10 },
        { kpiId: t.revenue.id, period: '2026-02', value: 20 },
        { kpiId: t.churn.id, period: '2026-02', value: 3 },
        { kpiId: missing, period: '2026-02', value: 3 },
        { kpiId: t.revenue.id, period: '2026-02', value: 21 },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('entries.2.period');
    expect(error.message).toBe(
      'Entries #3 period: Churn: 2026-02 is not a quarterly period (use YYYY-Qn, e.g. 2026-Q1) (and 2 more problems)',
    );
    expect(error.issues?.map((i) => i.field)).toEqual([
      'entries.2.period',
      'entries.3.kpiId',
      'entries.4.period',
    ]);
    const values = await t.call('value.list', { kpiIds: [t.revenue.id, t.churn.id] });
    expect(values.map((v) => [v.period, v.value])).toEqual([['2026-01', 1]]);
    expect(await t.call('value.history', { kpiId: t.revenue.id })).toHaveLength(1);
  });

  it('lists values by scorecard (not its children) and by inclusive period range', async () => {
    const t = await withKpis();
    const child = await t.call('scorecard.create', { name: 'Team', parentId: t.scorecard.id });
    const childView = await t.call('scorecard.evaluate', { id: child.id });
    const childObjective = await t.call('objective.create', {
      perspectiveId: childView.perspectives[0]?.perspective.id ?? '',
      name: 'Team goal',
    });
    const teamKpi = await t.call('kpi.create', {
      objectiveId: childObjective.id,
      name: 'Team sales',
    });
    await t.call('value.setMany', {
      entries: ['2025-12', '2026-01', '2026-02', '2026-03'].map((period, i) => ({
        kpiId: t.revenue.id,
        period,
        value: i,
      })),
    });
    await t.call('value.set', { kpiId: teamKpi.id, period: '2026-01', value: 7 });
    const range = await t.call('value.list', {
      scorecardId: t.scorecard.id,
      fromPeriod: '2026-01',
      toPeriod: '2026-02',
    });
    expect(range.map((v) => [v.kpiId, v.period])).toEqual([
      [t.revenue.id, '2026-01'],
      [t.revenue.id, '2026-02'],
    ]);
    expect((await t.call('value.list', { scorecardId: child.id })).map((v) => v.value)).toEqual([
      7,
    ]);
  });
});

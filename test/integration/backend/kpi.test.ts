import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// KPI definitions: defaults, identifiers, and the rules that explain themselves.

describe('KPI definitions', () => {
  it('creates a KPI with the schema defaults, a code from its name and default thresholds', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Net profit margin %',
    });
    expect(kpi).toMatchObject({
      objectiveId: t.objective.id,
      parentKpiId: null,
      code: 'net_profit_margin',
      unit: { format: 'number', currency: null, suffix: '' },
      direction: 'higher_is_better',
      frequency: 'monthly',
      // A margin is a ratio: its months are averaged (default-aggregation.ts).
      aggregation: 'average',
      target: null,
      thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 90 },
      owner: '',
      weight: 1,
      rollup: 'manual',
      position: 0,
    });
    const lower = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Net profit margin',
      direction: 'lower_is_better',
    });
    expect(lower.code).toBe('net_profit_margin_2');
    expect(lower.thresholds).toEqual({ mode: 'percent_of_target', onTrack: 100, atRisk: 110 });
    expect(lower.position).toBe(1);
    expect(
      (await t.call('kpi.create', { objectiveId: t.objective.id, name: '2025 growth' })).code,
    ).toBe('kpi_2025_growth');
  });

  it('refuses a KPI without a name', async () => {
    const t = await withScorecard();
    const missing = await t.fail('kpi.create', { objectiveId: t.objective.id });
    expect(missing).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
      message: 'Name: Name is required',
    });
    const blank = await t.fail('kpi.create', { objectiveId: t.objective.id, name: '  ' });
    expect(blank).toMatchObject({ field: 'name', message: 'Name: Name is required' });
    expect(await t.call('kpi.list', {})).toEqual([]);
  });

  it('refuses a non-numeric target', async () => {
    const t = await withScorecard();
    const error = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      target: 'abc',
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'target',
      message: 'Target: Target must be a number',
    });
  });

  it('refuses thresholds in the wrong order for the direction', async () => {
    const t = await withScorecard();
    const higher = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      thresholds: { mode: 'percent_of_target', onTrack: 90, atRisk: 100 },
    });
    expect(higher).toMatchObject({
      code: 'VALIDATION',
      field: 'thresholds.atRisk',
      message:
        'Thresholds at risk: For a higher-is-better KPI the "on track" threshold must be at or above the "at risk" threshold.',
    });
    const lower = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Cost per lead',
      direction: 'lower_is_better',
      thresholds: { mode: 'absolute', onTrack: 50, atRisk: 40 },
    });
    expect(lower).toMatchObject({ code: 'VALIDATION', field: 'thresholds.atRisk' });
    expect(lower.message).toContain('lower-is-better');
    expect(await t.call('kpi.list', {})).toEqual([]);
  });

  it('requires a target range for a within-range KPI', async () => {
    const t = await withScorecard();
    const error = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Stock days',
      direction: 'within_range',
      targetMin: 10,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'targetMax' });
    expect(error.message).toBe(
      'Target max: A within-range KPI needs the highest value of its target range',
    );
    const ok = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Stock days',
      direction: 'within_range',
      targetMin: 10,
      targetMax: 20,
    });
    expect(ok.thresholds).toEqual({ mode: 'percent_of_target', onTrack: 0, atRisk: 10 });
  });

  it('refuses a duplicate code with CONFLICT on the code field', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue', code: 'revenue' });
    const error = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Sales',
      code: 'revenue',
    });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(error.message).toContain('"revenue" is already used by the KPI "Revenue"');
  });

  it('refuses a KPI under an objective that does not exist, naming the kind of record', async () => {
    const t = await withScorecard();
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const error = await t.fail('kpi.create', { objectiveId: missing, name: 'Revenue' });
    expect(error).toEqual({
      code: 'NOT_FOUND',
      field: 'objectiveId',
      message: `No objective with id ${missing} in this workspace.`,
      issues: [
        { field: 'objectiveId', message: `No objective with id ${missing} in this workspace.` },
      ],
    });
    expect((await t.fail('kpi.get', { id: missing })).message).toBe(
      `No KPI with id ${missing} in this workspace.`,
    );
  });

  it('updates only the fields sent, and validates the merged definition', async () => {
    const t = await withScorecard();
    const kpi = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      unit: { format: 'currency', currency: 'EUR' },
      target: 100,
      owner: 'Ana',
      frequency: 'quarterly',
    });
    const renamed = await t.call('kpi.update', { id: kpi.id, patch: { name: 'Turnover' } });
    expect(renamed).toEqual({ ...kpi, name: 'Turnover' });

    const wrongOrder = await t.fail('kpi.update', {
      id: kpi.id,
      patch: { thresholds: { mode: 'absolute', onTrack: 10, atRisk: 20 } },
    });
    expect(wrongOrder).toMatchObject({ code: 'VALIDATION', field: 'thresholds.atRisk' });
    // The stored thresholds (100/90) do not fit a lower-is-better KPI either, unless they were
    // the defaults, which follow the direction.
    const flipped = await t.call('kpi.update', {
      id: kpi.id,
      patch: { direction: 'lower_is_better' },
    });
    expect(flipped.thresholds).toEqual({ mode: 'percent_of_target', onTrack: 100, atRisk: 110 });
    const custom = await t.call('kpi.update', {
      id: kpi.id,
      patch: { thresholds: { mode: 'absolute', onTrack: 50, atRisk: 60 } },
    });
    const error = await t.fail('kpi.update', {
      id: kpi.id,
      patch: { direction: 'higher_is_better' },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'thresholds.atRisk' });
    expect(await t.call('kpi.get', { id: kpi.id })).toEqual(custom);
    const bad = await t.fail('kpi.update', { id: kpi.id, patch: { target: 'abc' } });
    expect(bad).toMatchObject({
      field: 'patch.target',
      message: 'Target: Target must be a number',
    });
  });

  it('moves a KPI to another objective and lists KPIs by scorecard', async () => {
    const t = await withScorecard();
    const other = await t.call('objective.create', {
      perspectiveId: t.perspectiveIds[1] ?? '',
      name: 'Delight',
    });
    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'NPS' });
    const moved = await t.call('kpi.move', { id: kpi.id, objectiveId: other.id });
    expect(moved).toMatchObject({ objectiveId: other.id, position: 0 });
    const second = await t.call('scorecard.create', { name: 'Elsewhere' });
    expect((await t.call('kpi.list', { scorecardId: t.scorecard.id })).map((k) => k.name)).toEqual([
      'NPS',
    ]);
    expect(await t.call('kpi.list', { scorecardId: second.id })).toEqual([]);
  });

  it('links child KPIs to a parent and refuses self-links and cycles, naming the loop', async () => {
    const t = await withScorecard();
    const make = (name: string) => t.call('kpi.create', { objectiveId: t.objective.id, name });
    const total = await make('Total sales');
    const north = await make('North sales');
    const city = await make('City sales');
    await t.call('kpi.setParent', { id: north.id, parentKpiId: total.id });
    await t.call('kpi.setParent', { id: city.id, parentKpiId: north.id });
    expect((await t.call('kpi.children', { id: total.id })).map((k) => k.name)).toEqual([
      'North sales',
    ]);

    const self = await t.fail('kpi.setParent', { id: total.id, parentKpiId: total.id });
    expect(self).toMatchObject({
      code: 'CONFLICT',
      message: '"Total sales" cannot be its own parent.',
    });
    const cycle = await t.fail('kpi.setParent', { id: total.id, parentKpiId: city.id });
    expect(cycle).toMatchObject({ code: 'CONFLICT', field: 'parentKpiId' });
    expect(cycle.message).toBe(
      '"Total sales" cannot be placed under "City sales": that would make a loop (Total sales → North sales → City sales → Total sales).',
    );
    expect((await t.call('kpi.get', { id: total.id })).parentKpiId).toBeNull();

    // Deleting a parent detaches its children instead of deleting them.
    await t.call('kpi.delete', { id: north.id });
    expect((await t.call('kpi.get', { id: city.id })).parentKpiId).toBeNull();
    const detached = await t.call('kpi.setParent', { id: city.id, parentKpiId: null });
    expect(detached.parentKpiId).toBeNull();
  });
});

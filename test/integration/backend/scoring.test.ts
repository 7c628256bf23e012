import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/backend';
import { migrate } from '../../../electron/backend/workspace/migrations';
import { makeBackend, withScorecard } from './helpers';

// The scoring engine through the API, on real workspace files: hand-computed cases.

const EUR = { format: 'currency' as const, currency: 'EUR' };

describe('calculated KPIs', () => {
  it('computes the seed fact: net profit 14,460 on revenue 120,500.50 is a 12.00 % margin', async () => {
    const t = await withScorecard();
    const revenue = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      unit: EUR,
    });
    const profit = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Net profit',
      unit: EUR,
    });
    const margin = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Net profit margin',
      unit: { format: 'percent' },
      decimals: 2,
      aggregation: 'average',
      formula: 'net_profit / revenue * 100',
      target: 10,
    });
    await t.call('value.setMany', {
      entries: [
        { kpiId: revenue.id, period: '2026-03', value: 120_500.5 },
        { kpiId: profit.id, period: '2026-03', value: 14_460 },
        { kpiId: revenue.id, period: '2026-04', value: 0 },
        { kpiId: profit.id, period: '2026-04', value: 10 },
      ],
    });
    const march = await t.call('scorecard.evaluate', { id: t.scorecard.id, period: '2026-03' });
    const evaluated = march.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .find((entry) => entry.kpi.id === margin.id);
    expect(evaluated?.evaluation.value?.toFixed(2)).toBe('12.00');
    expect(evaluated?.evaluation.source).toBe('calculated');
    expect(evaluated?.evaluation.status).toBe('on_track');

    // Division by zero: no data, never Infinity.
    const april = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    expect(april.period).toBe('2026-04');
    const aprilMargin = april.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .find((entry) => entry.kpi.id === margin.id);
    expect(aprilMargin?.evaluation.value).toBeNull();
    expect(aprilMargin?.evaluation.status).toBe('no_data');

    // A calculated KPI's values are not typed in.
    const refused = await t.fail('value.set', { kpiId: margin.id, period: '2026-03', value: 5 });
    expect(refused.message).toContain('calculated from its formula');
  });

  it('refuses unknown identifiers with a suggestion, syntax errors with a position, and cycles by name', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue', unit: EUR });
    const unknown = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Half revenue',
      unit: EUR,
      formula: 'revenu / 2',
    });
    expect(unknown).toMatchObject({ code: 'VALIDATION', field: 'formula' });
    expect(unknown.message).toContain('"revenu" at position 1');
    expect(unknown.message).toContain('did you mean "revenue"');

    const syntax = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Broken',
      unit: EUR,
      formula: 'revenue * (2 +',
    });
    expect(syntax.message).toContain('position 15');

    const a = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'A',
      code: 'a',
      formula: 'revenue * 2',
      unit: EUR,
    });
    await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'B',
      code: 'b',
      formula: 'a + revenue',
      unit: EUR,
    });
    const cycle = await t.fail('kpi.update', { id: a.id, patch: { formula: 'b - revenue' } });
    expect(cycle.message).toContain('a → b → a');

    const units = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue share',
      unit: { format: 'percent' },
      formula: 'revenue * 100',
    });
    expect(units.message).toContain('gives EUR');
  });

  it('rewrites formulas when an identifier changes, and protects KPIs formulas use', async () => {
    const t = await withScorecard();
    const revenue = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Revenue',
      unit: EUR,
    });
    const double = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Double',
      unit: EUR,
      formula: 'revenue * 2',
    });
    await t.call('kpi.update', { id: revenue.id, patch: { code: 'turnover' } });
    expect((await t.call('kpi.get', { id: double.id })).formula).toBe('turnover * 2');
    const refused = await t.fail('kpi.delete', { id: revenue.id });
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toContain('"Double"');
  });
});

describe('periods, fiscal years and roll-ups', () => {
  it('puts March and April in different fiscal years when the year starts in April', async () => {
    const t = await withScorecard();
    await t.call('workspace.setFiscalYearStart', { month: 4 });
    const sales = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Sales',
      unit: EUR,
      target: 100,
    });
    await t.call('value.setMany', {
      entries: [
        { kpiId: sales.id, period: '2026-03', value: 1000 },
        { kpiId: sales.id, period: '2026-04', value: 70 },
        { kpiId: sales.id, period: '2026-05', value: 80 },
      ],
    });
    const fy = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view: { frequency: 'year', basis: 'fiscal' },
    });
    expect(fy.period).toBe('FY2027');
    expect(fy.availablePeriods).toEqual(['FY2027', 'FY2026']);
    const entry = fy.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))[0];
    expect(entry?.evaluation.value).toBe(150);
    // The year is still being reported: the target runs to date (April and May).
    expect(entry?.evaluation).toMatchObject({ target: 200, targetToDate: true });
    expect(entry?.evaluation.forecast).toBeNull(); // three months are too few for a trend
    expect(entry?.evaluation.previousValue).toBe(1000);

    const bad = await t.fail('scorecard.evaluate', {
      id: t.scorecard.id,
      view: { frequency: 'quarter', basis: 'fiscal' },
      period: '2026-Q1',
    });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'period' });
    expect(bad.message).toContain('FY2027-Q1');
  });

  it('scores a lower-is-better KPI with a zero actual as on track, and rolls parents up with gaps', async () => {
    const t = await withScorecard();
    const defects = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Defects',
      direction: 'lower_is_better',
      target: 3,
    });
    const total = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Total sales',
      unit: EUR,
      rollup: 'sum',
      target: 50,
    });
    const north = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'North',
      unit: EUR,
      parentKpiId: total.id,
    });
    const south = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'South',
      unit: EUR,
      parentKpiId: total.id,
    });
    await t.call('value.setMany', {
      entries: [
        { kpiId: defects.id, period: '2026-05', value: 0 },
        { kpiId: north.id, period: '2026-05', value: 30 },
        { kpiId: south.id, period: '2026-04', value: 5 },
      ],
    });
    const may = await t.call('scorecard.evaluate', { id: t.scorecard.id, period: '2026-05' });
    const byName = new Map(
      may.perspectives
        .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
        .map((e) => [e.kpi.name, e.evaluation]),
    );
    expect(byName.get('Defects')).toMatchObject({ value: 0, status: 'on_track', score: 150 });
    // 30 of a 50 target with South missing: "1 of 2 reported", not off track from the gap
    // alone (evaluate-kpis.ts, rolledUpStatus).
    expect(byName.get('Total sales')).toMatchObject({
      value: 30,
      missingInputs: 1,
      inputs: 2,
      source: 'rolled_up',
      status: 'no_data',
    });

    const percent = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'East share',
      unit: { format: 'percent' },
      parentKpiId: total.id,
    });
    expect(percent).toMatchObject({ code: 'CONFLICT', field: 'parentKpiId' });
    expect(percent.message).toContain('same unit');

    const tree = await t.call('kpi.tree', { view: { frequency: 'month' }, period: '2026-05' });
    const children = tree.nodes.filter((node) => node.kpi.parentKpiId === total.id);
    expect(
      children.map((node) => [node.kpi.name, node.evaluation.value, node.scorecardName]),
    ).toEqual([
      ['North', 30, 'Company'],
      ['South', null, 'Company'],
    ]);

    const detail = await t.call('kpi.detail', { id: total.id, period: '2026-05', length: 3 });
    expect(detail.series.map((point) => [point.period, point.value])).toEqual([
      ['2026-03', null],
      ['2026-04', 5],
      ['2026-05', 30],
    ]);
    expect(detail.children.map((child) => [child.kpi.name, child.value])).toEqual([
      ['North', 30],
      ['South', null],
    ]);
  });
});

describe('KPI detail', () => {
  it('lists each entered value of a view period with its own comment, to edit one by one', async () => {
    const t = await withScorecard();
    const visits = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Site visits',
      frequency: 'weekly',
    });
    await t.call('value.setMany', {
      entries: [
        { kpiId: visits.id, period: '2026-W10', value: 4 },
        { kpiId: visits.id, period: '2026-W11', value: 6 },
        { kpiId: visits.id, period: '2026-W15', value: 7 },
      ],
    });
    await t.call('value.setComment', {
      kpiId: visits.id,
      period: '2026-W11',
      comment: 'trade fair',
    });

    const detail = await t.call('kpi.detail', {
      id: visits.id,
      view: { frequency: 'month' },
      period: '2026-04',
      length: 3,
    });
    expect(detail.series.map((point) => [point.period, point.entered, point.comment])).toEqual([
      ['2026-02', [], ''],
      [
        '2026-03',
        [
          { period: '2026-W10', comment: '' },
          { period: '2026-W11', comment: 'trade fair' },
        ],
        'trade fair',
      ],
      ['2026-04', [{ period: '2026-W15', comment: '' }], ''],
    ]);
  });
});

describe('schema 2', () => {
  it('upgrades a schema-1 file after a backup, keeping its KPIs', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'Old.kpis');
    // A file as the first version of the app wrote it.
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.exec(`
      INSERT INTO workspace_meta (key, value) VALUES
        ('id', '0190a000-0000-7000-8000-000000000001'), ('name', 'Old'),
        ('created_at', '2026-01-01T00:00:00.000Z'), ('fiscal_year_start_month', '1');
      INSERT INTO scorecards (id, name) VALUES ('0190a000-0000-7000-8000-000000000002', 'Company');
      INSERT INTO perspectives (id, scorecard_id, name)
        VALUES ('0190a000-0000-7000-8000-000000000003', '0190a000-0000-7000-8000-000000000002', 'Financial');
      INSERT INTO objectives (id, perspective_id, name)
        VALUES ('0190a000-0000-7000-8000-000000000004', '0190a000-0000-7000-8000-000000000003', 'Grow');
      INSERT INTO kpis (id, objective_id, name, code, unit_format, decimals, direction, frequency,
        aggregation, target, threshold_mode, threshold_on_track, threshold_at_risk, kpi_type,
        timing, measure_kind, rollup)
      VALUES ('0190a000-0000-7000-8000-000000000005', '0190a000-0000-7000-8000-000000000004',
        'Revenue', 'revenue', 'number', 0, 'higher_is_better', 'monthly', 'sum', 5,
        'percent_of_target', 100, 90, 'operational', 'lagging', 'outcome', 'manual');
    `);
    raw.close();

    const info = await t.call('workspace.open', { path });
    expect(info).toMatchObject({ schemaVersion: MIGRATIONS.length, migratedFrom: 1 });
    const [kpi] = await t.call('kpi.list', {});
    expect(kpi).toMatchObject({ name: 'Revenue', target: 5, formula: null, targetPlan: null });
    await t.call('workspace.close', {});
    const backup = new Database(info.backupPath ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBackend } from '../backend/helpers';

// The board report's data and options, and action plans, on a real workspace file made from
// the shipped sample.

const SHIPPED_SAMPLE = fileURLToPath(
  new URL('../../../resources/sample/sample-workspace.json', import.meta.url),
);
const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function sample() {
  const t = makeBackend({
    samplePath: SHIPPED_SAMPLE,
    // After the sample's last month (October 2026): a later month is never the default.
    now: () => new Date('2026-11-20T09:00:00Z'),
  });
  await t.call('workspace.openSample', {});
  return t;
}

describe('report.data', () => {
  it('lists every off-track KPI of the sample with value, target and gap, worst first', async () => {
    const t = await sample();
    const report = await t.call('report.data', {});
    expect(report.hasData).toBe(true);
    const offTrack = report.attention.filter((kpi) => kpi.status === 'off_track');
    expect(offTrack.map((kpi) => kpi.name).sort()).toEqual([
      'Net profit margin',
      'Online shop conversion rate',
      'Unsold bread written off',
    ]);
    for (const kpi of offTrack) {
      expect(kpi.value).not.toBeNull();
      expect(kpi.target).not.toBeNull();
      expect(kpi.gap).toBeCloseTo((kpi.value ?? 0) - (kpi.target ?? 0));
    }
    expect(report.attention.slice(0, 3).every((kpi) => kpi.status === 'off_track')).toBe(true);
    expect(report.attention.some((kpi) => kpi.status === 'at_risk')).toBe(true);
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]?.perspectives.map((p) => p.name)).toEqual([
      'Financial',
      'Customer',
      'Internal Process',
      'Learning & Growth',
    ]);
    const charts = report.sections[0]?.perspectives.flatMap((p) => p.charts) ?? [];
    expect(charts.length).toBeGreaterThan(3);
    expect(charts[0]?.points).toHaveLength(12);
    expect(charts[0]?.points.at(-1)?.period).toBe(report.period);
  });

  it('compares with the same period last year when asked', async () => {
    const t = await sample();
    const report = await t.call('report.data', {
      period: '2026-03',
      comparison: 'same_period_last_year',
    });
    expect(report.comparisonPeriod).toBe('2025-03');
    const previous = await t.call('report.data', { period: '2026-03' });
    expect(previous.comparisonPeriod).toBe('2026-02');
  });

  it('says there is no data for a period without values, and still lists the KPIs', async () => {
    const t = await sample();
    const report = await t.call('report.data', { period: '2030-01' });
    expect(report.hasData).toBe(false);
    expect(report.attention).toEqual([]);
    expect(report.counts.no_data).toBeGreaterThan(0);
    expect(report.sections[0]?.perspectives[0]?.objectives[0]?.kpis[0]?.status).toBe('no_data');
  });

  it('includes child scorecards and filters perspectives by name across them', async () => {
    const t = await sample();
    const all = await t.call('report.data', { includeChildren: true });
    expect(all.sections.length).toBeGreaterThan(1);
    expect(all.sections.slice(1).every((section) => section.depth >= 1)).toBe(true);
    const financial = all.perspectiveChoices.find((p) => p.name === 'Financial');
    const only = await t.call('report.data', {
      includeChildren: true,
      perspectiveIds: [financial?.id ?? ''],
    });
    for (const section of only.sections)
      expect(section.perspectives.every((p) => p.name === 'Financial')).toBe(true);
  });

  it('draws the strategy map the map view shows for the same scorecard and period', async () => {
    const t = await sample();
    for (const period of ['2026-10', '2026-03']) {
      const report = await t.call('report.data', { includeStrategyMap: true, period });
      const scorecardId = report.sections[0]?.scorecardId ?? '';
      const shown = await t.call('strategyMap.get', {
        scorecardId,
        view: { frequency: report.view.frequency, basis: report.view.basis },
        period,
      });
      expect(report.strategyMap?.map).toEqual(shown);
      // Statuses and scores of that period, not only the map's shape.
      expect(shown.nodes.filter((node) => node.score !== null).length).toBeGreaterThan(3);
      expect(new Set(shown.nodes.map((node) => node.status)).size).toBeGreaterThan(1);
    }
  });

  it('refuses a period that is not a period of the chosen view', async () => {
    const t = await sample();
    const error = await t.fail('report.data', { frequency: 'quarter', period: '2026-03' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'period' });
  });
});

describe('report options', () => {
  it('are remembered in the workspace file', async () => {
    const t = await sample();
    expect(await t.call('report.options.get', {})).toMatchObject({
      paper: 'A4',
      title: 'Board report',
    });
    await t.call('report.options.set', {
      paper: 'Letter',
      orientation: 'landscape',
      title: 'March pack',
      logo: PNG_1PX,
    });
    const info = await t.call('workspace.current', {});
    await t.call('workspace.close', {});
    await t.call('workspace.open', { path: info?.path ?? '' });
    expect(await t.call('report.options.get', {})).toMatchObject({
      paper: 'Letter',
      orientation: 'landscape',
      title: 'March pack',
      logo: PNG_1PX,
    });
  });

  it('refuse a logo that is not a PNG or JPEG, whatever the data URL claims', async () => {
    const t = await sample();
    const gif = `data:image/png;base64,${Buffer.from('GIF89a.....').toString('base64')}`;
    const error = await t.fail('report.options.set', { logo: gif });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'logo' });
    expect(error.message).toContain('not a valid PNG or JPEG');
    const svg = await t.fail('report.options.set', { logo: 'data:image/svg+xml;base64,PHN2Zz4=' });
    expect(svg.message).toContain('PNG or JPEG');
  });
});

describe('action plans', () => {
  it('are added to a KPI, edited, shown in the report, and deleted with their KPI', async () => {
    const t = await sample();
    const kpis = await t.call('kpi.list', {});
    const margin = kpis.find((kpi) => kpi.name === 'Net profit margin');
    if (!margin) throw new Error('the sample has no Net profit margin');
    const plan = await t.call('actionPlan.create', {
      kpiId: margin.id,
      title: 'Renegotiate flour contract',
      owner: 'Ana',
      dueDate: '2026-04-10',
    });
    expect(plan).toMatchObject({ status: 'planned', objectiveId: null });
    const later = await t.call('actionPlan.create', {
      kpiId: margin.id,
      title: 'Review prices',
      dueDate: '2027-01-15',
      status: 'in_progress',
    });
    expect((await t.call('actionPlan.list', { kpiId: margin.id })).map((p) => p.title)).toEqual([
      'Renegotiate flour contract',
      'Review prices',
    ]);
    await t.call('actionPlan.update', { id: later.id, notes: 'Two suppliers asked' });

    const report = await t.call('report.data', {});
    expect(report.actionPlans.map((p) => [p.title, p.subject, p.overdue])).toEqual([
      ['Renegotiate flour contract', 'Net profit margin', true],
      ['Review prices', 'Net profit margin', false],
    ]);
    const without = await t.call('report.data', { includeActionPlans: false });
    expect(without.actionPlans).toEqual([]);

    await t.call('kpi.delete', { id: margin.id });
    expect(await t.call('actionPlan.list', {})).toEqual([]);
  });

  it('belong to exactly one KPI or objective', async () => {
    const t = await sample();
    const error = await t.fail('actionPlan.create', { title: 'Something' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'kpiId' });
    const missing = await t.fail('actionPlan.create', {
      kpiId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      title: 'Something',
    });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
  });
});

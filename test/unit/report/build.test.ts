import { describe, expect, it } from 'vitest';
import { buildReport } from '@shared/report/build';
import type { ReportSource } from '@shared/report/model';
import { options, plan, scorecard, section, type KpiFact } from './fixtures';

// The report model: what the board reads on the summary page, and what is left out.

const march = {
  Financial: {
    margin: {
      name: 'Net profit margin',
      value: 9.6,
      target: 12,
      status: 'off_track',
      owner: 'Maria',
      score: 80,
    },
    revenue: { name: 'Revenue', value: 84, target: 85, status: 'at_risk', score: 98 },
    food: {
      name: 'Food cost',
      value: 33,
      status: 'at_risk',
      direction: 'within_range',
      targetMin: 28,
      targetMax: 32,
      score: 90,
    },
  },
  Customer: {
    csat: { name: 'CSAT', value: 91, target: 90, status: 'on_track', score: 101 },
    nps: { name: 'NPS', value: null, target: 40, status: 'no_data' },
    conversion: { name: 'Conversion', value: 2.1, target: 3, status: 'off_track', score: 70 },
  },
} satisfies Record<string, Record<string, KpiFact>>;

const february = {
  Financial: {
    margin: { name: 'Net profit margin', value: 11, target: 12, status: 'at_risk' },
    revenue: { name: 'Revenue', value: 90, target: 85, status: 'on_track' },
    food: { name: 'Food cost', value: 30, status: 'on_track' },
  },
  Customer: {
    csat: { name: 'CSAT', value: 85, target: 90, status: 'at_risk' },
    nps: { name: 'NPS', value: 30, target: 40, status: 'off_track' },
    conversion: { name: 'Conversion', value: null, target: 3, status: 'no_data' },
  },
} satisfies Record<string, Record<string, KpiFact>>;

function source(patch: Partial<ReportSource> = {}): ReportSource {
  return {
    options: options(),
    generatedAt: '2026-04-20T09:00:00.000Z',
    sections: [
      section(scorecard('Bakery', '2026-03', march), scorecard('Bakery', '2026-02', february)),
    ],
    series: {},
    comments: { margin: 'dip: oven repair', csat: 'new menu' },
    actionPlans: [],
    ...patch,
  };
}

describe('buildReport', () => {
  it('lists every off-track KPI, then every at-risk one, worst score first', () => {
    const report = buildReport(source());
    expect(report.attention.map((kpi) => [kpi.name, kpi.status])).toEqual([
      ['Conversion', 'off_track'],
      ['Net profit margin', 'off_track'],
      ['Food cost', 'at_risk'],
      ['Revenue', 'at_risk'],
    ]);
    expect(report.attention[1]).toMatchObject({
      value: 9.6,
      target: 12,
      owner: 'Maria',
      comment: 'dip: oven repair',
      perspectiveName: 'Financial',
    });
    expect(report.counts).toEqual({ on_track: 1, at_risk: 2, off_track: 2, no_data: 1 });
  });

  it('gives the gap to target, and to the nearest end of a target range', () => {
    const report = buildReport(source());
    const gap = (name: string) => report.attention.find((kpi) => kpi.name === name)?.gap;
    expect(gap('Net profit margin')).toBeCloseTo(-2.4);
    expect(gap('Food cost')).toBeCloseTo(1);
    expect(gap('Revenue')).toBeCloseTo(-1);
  });

  it('says what moved since the comparison period, worse first, ignoring KPIs without data', () => {
    const report = buildReport(source());
    expect(report.comparisonPeriod).toBe('2026-02');
    expect(report.movements.map((m) => [m.name, m.from, m.to, m.better])).toEqual([
      ['Net profit margin', 'at_risk', 'off_track', false],
      ['Revenue', 'on_track', 'at_risk', false],
      ['Food cost', 'on_track', 'at_risk', false],
      ['CSAT', 'at_risk', 'on_track', true],
    ]);
  });

  it('compares with the same month last year when asked', () => {
    const report = buildReport(
      source({ options: options({ comparison: 'same_period_last_year' }) }),
    );
    expect(report.comparisonPeriod).toBe('2025-03');
  });

  it('reports a period without any value as having no data', () => {
    const empty = {
      Financial: {
        margin: { name: 'Net profit margin', value: null, target: 12, status: 'no_data' },
      },
    } satisfies Record<string, Record<string, KpiFact>>;
    const report = buildReport(
      source({
        sections: [
          section(
            scorecard('Bakery', '2030-01', empty, 'no_data'),
            scorecard('Bakery', '2029-12', empty),
          ),
        ],
      }),
    );
    expect(report.hasData).toBe(false);
    expect(report.attention).toEqual([]);
    expect(report.movements).toEqual([]);
    expect(report.overall.status).toBe('no_data');
  });

  it('keeps only the chosen perspectives, by name, in child scorecards too', () => {
    const parent = scorecard('Bakery', '2026-03', march);
    const child = scorecard('Cafés', '2026-03', {
      Financial: { cafe: { name: 'Café margin', value: 1, target: 5, status: 'off_track' } },
      Customer: { wait: { name: 'Wait', value: 9, target: 5, status: 'off_track' } },
    });
    const financialId = parent.perspectives[0]?.perspective.id ?? '';
    const report = buildReport(
      source({
        options: options({ perspectiveIds: [financialId], includeChildren: true }),
        sections: [section(parent, parent), section(child, child, 1)],
      }),
    );
    expect(report.sections.map((s) => s.perspectives.map((p) => p.name))).toEqual([
      ['Financial'],
      ['Financial'],
    ]);
    expect(report.attention.map((kpi) => kpi.name)).toContain('Café margin');
    expect(report.attention.map((kpi) => kpi.name)).not.toContain('Wait');
    expect(report.overall.score).toBe(75);
  });

  it('leaves comments out when asked, and charts for KPIs with no data in the window', () => {
    const series = {
      margin: [
        { period: '2026-02', value: 11, target: 12, status: 'at_risk' as const },
        { period: '2026-03', value: 9.6, target: 12, status: 'off_track' as const },
      ],
      nps: [{ period: '2026-03', value: null, target: 40, status: 'no_data' as const }],
    };
    const report = buildReport(source({ options: options({ includeComments: false }), series }));
    expect(report.attention.every((kpi) => kpi.comment === '')).toBe(true);
    const charts = report.sections[0]?.perspectives.flatMap((p) => p.charts) ?? [];
    expect(charts.map((chart) => chart.name)).toEqual(['Net profit margin']);
    // Percent-of-target thresholds (lower bound 90 % and 100 % here) as status limits.
    expect(charts[0]?.points[1]?.limits).toEqual({ onTrack: 12, atRisk: 10.8 });
  });

  it('lists open action plans first by due date, marks overdue ones, drops cancelled ones', () => {
    const report = buildReport(
      source({
        actionPlans: [
          plan({ title: 'Done thing', kpiId: 'margin', status: 'done', dueDate: '2026-01-10' }),
          plan({ title: 'Later', kpiId: 'margin', dueDate: '2026-06-01' }),
          plan({
            title: 'Late',
            kpiId: 'conversion',
            status: 'in_progress',
            dueDate: '2026-04-01',
          }),
          plan({ title: 'Dropped', kpiId: 'margin', status: 'cancelled' }),
          plan({ title: 'Whole goal', objectiveId: 'sc-Bakery-p1-o' }),
          plan({ title: 'Elsewhere', kpiId: 'not-in-report' }),
        ],
      }),
    );
    expect(report.actionPlans.map((p) => [p.title, p.subject, p.overdue])).toEqual([
      ['Late', 'Conversion', true],
      ['Later', 'Net profit margin', false],
      ['Whole goal', 'Customer goal', false],
      ['Done thing', 'Net profit margin', false],
    ]);
    const without = buildReport(
      source({
        options: options({ includeActionPlans: false }),
        actionPlans: [plan({ title: 'Later', kpiId: 'margin' })],
      }),
    );
    expect(without.actionPlans).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { withScorecard } from './helpers';

// The period shown when nobody chose one: the latest most KPIs reported, never the future,
// the same for the scorecard, the board report and the period picker's counts.

describe('default period through the API', () => {
  it('is not moved by one value imported for next month, and the picker says how complete', async () => {
    const t = await withScorecard({ now: () => new Date('2026-12-06T10:00:00Z') });
    const kpis = await Promise.all(
      ['Revenue', 'Orders', 'Costs', 'Visits'].map((name) =>
        t.call('kpi.create', { objectiveId: t.objective.id, name, target: 10 }),
      ),
    );
    await t.call('value.setMany', {
      entries: [
        ...kpis.flatMap((kpi) =>
          ['2026-10', '2026-11'].map((period) => ({ kpiId: kpi.id, period, value: 12 })),
        ),
        // A stray value: next month, one KPI only.
        { kpiId: kpis[0]?.id ?? '', period: '2027-01', value: 5 },
      ],
    });
    const evaluated = await t.call('scorecard.evaluate', { id: t.scorecard.id });
    expect(evaluated.period).toBe('2026-11');
    expect(evaluated.own.status).toBe('on_track');
    expect(evaluated.completeness.slice(0, 2)).toEqual([
      { period: '2027-01', reported: 1, expected: 4 },
      { period: '2026-11', reported: 4, expected: 4 },
    ]);
    const report = await t.call('report.data', { scorecardId: t.scorecard.id });
    expect(report.period).toBe('2026-11');
  });
});

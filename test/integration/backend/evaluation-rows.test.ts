import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Kpi } from '@shared/domain/entities';
import {
  ROW_KPI_FIELDS,
  type ScorecardEvaluation,
  type ScorecardRows,
} from '@shared/domain/evaluation';
import { evaluateScorecard } from '../../../electron/backend/services/evaluation';
import { shiftPeriod } from '@shared/domain/period';
import { withScorecard } from './helpers';

// scorecard.evaluate answers each KPI with what its row shows, not the whole record (issue 19:
// about 1.2 KB a KPI, 6 MB for 5,000). The rows must say exactly what the whole evaluation
// says, for every kind of KPI, in every kind of view and sparkline length.

const NOW = '2026-12-06T10:00:00Z';
const VIEWS = [
  { frequency: 'month', basis: 'calendar' },
  { frequency: 'quarter', basis: 'calendar' },
  { frequency: 'year', basis: 'fiscal' },
] as const;

function pick(kpi: Kpi): Partial<Kpi> {
  return Object.fromEntries(ROW_KPI_FIELDS.map((field) => [field, kpi[field]]));
}

/** The whole evaluation told as rows, field by field, to compare with the answer. */
function expectedRows(full: ScorecardEvaluation): ScorecardRows {
  const { perspectives, ...rest } = full;
  const first = perspectives[0]?.objectives[0]?.kpis[0];
  return {
    ...rest,
    sparklineBuckets: first?.evaluation.sparklineBuckets ?? [],
    perspectives: perspectives.map(({ objectives, ...perspective }) => ({
      ...perspective,
      objectives: objectives.map(({ kpis, ...objective }) => ({
        ...objective,
        kpis: kpis.map(({ kpi, evaluation }) => {
          const { kpiId, stretchTarget, sparklineBuckets, ...shown } = evaluation;
          expect(kpiId).toBe(kpi.id);
          // Every KPI's sparkline has the view's periods.
          expect(sparklineBuckets).toEqual(first?.evaluation.sparklineBuckets);
          return { kpi: pick(kpi), evaluation: shown };
        }),
      })),
    })),
  } as ScorecardRows;
}

/**
 * A scorecard with every kind of KPI a row shows (entered monthly, quarterly, within a range,
 * calculated, rolled up from children, one without data, one with a description and owner)
 * over a year and a half; the backend's answers to `inputs`, and the whole evaluation of each,
 * computed on the file once the backend has closed it (it holds the file alone).
 */
async function answers(sparklineLengths: number[]) {
  const t = await withScorecard({ now: () => new Date(NOW) });
  const make = (fields: Record<string, unknown> & { name: string }) =>
    t.call('kpi.create', { objectiveId: t.objective.id, target: 100, ...fields });
  const revenue = await make({ name: 'Revenue', code: 'revenue', aggregation: 'sum' });
  const costs = await make({ name: 'Costs', code: 'costs', direction: 'lower_is_better' });
  await make({ name: 'Margin', code: 'margin', formula: '(revenue - costs) / revenue * 100' });
  const regions = await make({ name: 'Regions', code: 'regions', rollup: 'sum' });
  const north = await make({ name: 'North', code: 'north' });
  const south = await make({ name: 'South', code: 'south' });
  await t.call('kpi.setParent', { id: north.id, parentKpiId: regions.id });
  await t.call('kpi.setParent', { id: south.id, parentKpiId: regions.id });
  const stock = await make({
    name: 'Stock days',
    code: 'stock',
    direction: 'within_range',
    targetMin: 10,
    targetMax: 20,
    owner: 'Ana',
    description: 'Days of stock on hand',
    unit: { format: 'duration', currency: null, suffix: 'days' },
    decimals: 1,
  });
  const audits = await make({ name: 'Audits', code: 'audits', frequency: 'quarterly' });
  await make({ name: 'Never reported', code: 'none' });
  const months = Array.from({ length: 18 }, (_, i) => shiftPeriod('monthly', '2025-06', i));
  const entries = months.flatMap((period, i) => [
    { kpiId: revenue.id, period, value: 90 + ((i * 7) % 30) },
    { kpiId: costs.id, period, value: 60 + ((i * 5) % 20) },
    { kpiId: north.id, period, value: 40 + i },
    ...(i % 3 === 0 ? [{ kpiId: south.id, period, value: 50 - i }] : []),
    { kpiId: stock.id, period, value: 8 + (i % 15) + 0.5 },
  ]);
  entries.push(
    ...['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((period, i) => ({
      kpiId: audits.id,
      period,
      value: 95 + i * 3,
    })),
  );
  await t.call('value.setMany', { entries });
  const asked = VIEWS.flatMap((view) =>
    sparklineLengths.map((sparklineLength) => ({ id: t.scorecard.id, view, sparklineLength })),
  );
  const rows: ScorecardRows[] = [];
  for (const input of asked) rows.push(await t.call('scorecard.evaluate', input));
  const whole = await t.call('kpi.get', { id: stock.id });
  await t.call('workspace.close', {});
  const db = new Database(t.workspace.path);
  try {
    return {
      whole,
      answered: asked.map((input, i) => ({
        input,
        rows: rows[i] as ScorecardRows,
        full: evaluateScorecard(db, NOW, input),
      })),
    };
  } finally {
    db.close();
  }
}

describe('the scorecard view’s rows', () => {
  it('say what the whole evaluation says, for every KPI, view and sparkline length', async () => {
    const { answered } = await answers([2, 12, 24]);
    let kpis = 0;
    const sources = new Set<string>();
    for (const { input, rows, full } of answered) {
      expect(rows).toEqual(expectedRows(full));
      expect(rows.sparklineBuckets).toHaveLength(input.sparklineLength);
      expect(rows.sparklineBuckets.at(-1)).toBe(full.period);
      for (const perspective of full.perspectives)
        for (const objective of perspective.objectives)
          for (const { evaluation } of objective.kpis) {
            kpis += 1;
            sources.add(evaluation.source);
          }
    }
    expect(kpis).toBe(9 * answered.length);
    expect([...sources].sort()).toEqual(['calculated', 'entered', 'rolled_up']);
  });

  it('carry a KPI in well under the bytes of its whole record and evaluation', async () => {
    const { answered, whole } = await answers([12]);
    const [{ rows, full }] = answered as [(typeof answered)[number]];
    const kpisOf = (view: ScorecardRows | ScorecardEvaluation) =>
      JSON.stringify(view.perspectives.map((p) => p.objectives.map((o) => o.kpis))).length;
    expect(kpisOf(rows)).toBeLessThan(kpisOf(full) * 0.6);
    // The whole record is a call away, for the KPI's form.
    const stock = rows.perspectives[0]?.objectives[0]?.kpis.find((e) => e.kpi.id === whole.id);
    expect(whole.description).toBe('Days of stock on hand');
    expect(stock?.kpi).toEqual(pick(whole));
  });
});

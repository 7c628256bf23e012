import { describe, expect, it } from 'vitest';
import { defaultThresholds } from '@shared/domain/kpi';
import { isWithinValueLimit, MAX_VALUE_MAGNITUDE } from '@shared/domain/value-limit';
import { valueEntrySchema } from '@shared/api/schemas';
import type { ViewSpec } from '@shared/scoring/calendar';
import { evaluateKpis, type EvaluationKpi } from '@shared/scoring/evaluate-kpis';
import { readNumberCell } from '@shared/transfer/read-cells';

// Sums and roll-ups of huge values: a period whose value overflows says "too large", never
// "no data", and values that could overflow are refused where they enter.

const quarter: ViewSpec = { frequency: 'quarter', basis: 'calendar', fiscalYearStartMonth: 1 };
const month: ViewSpec = { ...quarter, frequency: 'month' };

function kpi(id: string, overrides: Partial<EvaluationKpi> = {}): EvaluationKpi {
  return {
    id,
    code: id,
    unit: { format: 'number', currency: null, suffix: '' },
    frequency: 'monthly',
    aggregation: 'sum',
    direction: 'higher_is_better',
    target: 100,
    targetPlan: null,
    targetMin: null,
    targetMax: null,
    stretchTarget: null,
    thresholds: defaultThresholds('higher_is_better'),
    weight: 1,
    rollup: 'manual',
    parentKpiId: null,
    formula: null,
    ...overrides,
  };
}

const huge = 1.7e308;

describe('evaluating values that overflow', () => {
  it('marks a quarter whose monthly values sum beyond a double as too large', () => {
    const values = new Map([
      [
        'sales',
        [
          { period: '2026-01', value: huge },
          { period: '2026-02', value: huge },
        ],
      ],
    ]);
    const q1 = evaluateKpis([kpi('sales')], values, {
      view: quarter,
      bucket: '2026-Q1',
      sparklineLength: 2,
    }).get('sales');
    expect(q1).toMatchObject({ value: null, tooLarge: true, status: 'no_data' });
    // One month alone is a number like any other.
    const jan = evaluateKpis([kpi('sales')], values, {
      view: month,
      bucket: '2026-01',
      sparklineLength: 1,
    }).get('sales');
    expect(jan).toMatchObject({ value: huge, tooLarge: false, status: 'on_track' });
  });

  it('carries too large up to a parent roll-up and into a formula, not as missing data', () => {
    const kpis = [
      kpi('total', { rollup: 'sum' }),
      kpi('a', { parentKpiId: 'total' }),
      kpi('b', { parentKpiId: 'total' }),
      kpi('double_a', { formula: 'a * 2' }),
      kpi('a_plus_b', { formula: 'a + b' }),
    ];
    const values = new Map([
      ['a', [{ period: '2026-01', value: huge }]],
      ['b', [{ period: '2026-01', value: huge }]],
    ]);
    const result = evaluateKpis(kpis, values, {
      view: month,
      bucket: '2026-01',
      sparklineLength: 1,
    });
    expect(result.get('total')).toMatchObject({ value: null, tooLarge: true, missingInputs: 0 });
    expect(result.get('double_a')).toMatchObject({ value: null, tooLarge: true });
    expect(result.get('a_plus_b')).toMatchObject({ value: null, tooLarge: true });
    expect(result.get('a')).toMatchObject({ value: huge, tooLarge: false });
  });

  it('keeps a KPI without values as plain no data', () => {
    const result = evaluateKpis([kpi('empty')], new Map(), {
      view: month,
      bucket: '2026-01',
      sparklineLength: 1,
    });
    expect(result.get('empty')).toMatchObject({ value: null, tooLarge: false });
  });
});

describe('the value limit where values enter', () => {
  it('accepts values up to 1e300 and refuses larger ones with the limit named', () => {
    expect(isWithinValueLimit(MAX_VALUE_MAGNITUDE)).toBe(true);
    expect(isWithinValueLimit(-MAX_VALUE_MAGNITUDE)).toBe(true);
    expect(isWithinValueLimit(1.0000001e300)).toBe(false);
    const entry = { kpiId: '00000000-0000-4000-8000-000000000000', period: '2026-01' };
    const refused = valueEntrySchema.safeParse({ ...entry, value: huge });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Value must be between -1e300 and 1e300');
    expect(valueEntrySchema.safeParse({ ...entry, value: 1e300 }).success).toBe(true);
  });

  it('refuses spreadsheet cells and text beyond the limit, saying so', () => {
    const options = { numberLocale: 'en-US', dayFirst: false, fiscalYearStartMonth: 1 };
    expect(readNumberCell(huge, options)).toEqual({
      ok: false,
      reason: '"1.7e+308" is too large (values must be between -1e300 and 1e300)',
    });
    expect(readNumberCell('2e301', options)).toEqual({
      ok: false,
      reason: '"2e301" is too large (values must be between -1e300 and 1e300)',
    });
    expect(readNumberCell('1e300', options)).toEqual({ ok: true, value: 1e300 });
  });
});

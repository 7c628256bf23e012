import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATIONS, FREQUENCIES, UNIT_FORMATS } from '@shared/domain/kpi';
import { aggregate } from '@shared/scoring/aggregate';
import {
  aggregationConcern,
  aggregationMeaning,
  defaultAggregation,
} from '@shared/scoring/default-aggregation';

const unit = (format: (typeof UNIT_FORMATS)[number], suffix = '') => ({ format, suffix });
const anyText = fc.string({ maxLength: 40 });

describe('the default aggregation follows what a KPI measures', () => {
  it('averages every percent KPI, whatever its name or label', () => {
    fc.assert(
      fc.property(anyText, anyText, (name, suffix) => {
        expect(defaultAggregation({ name, unit: unit('percent', suffix) })).toBe('average');
      }),
    );
  });

  it('gives one of the aggregations for any unit, name and label, ignoring letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_FORMATS), anyText, anyText, (format, name, suffix) => {
        const how = defaultAggregation({ name, unit: unit(format, suffix) });
        expect(AGGREGATIONS).toContain(how);
        expect(defaultAggregation({ name: name.toUpperCase(), unit: unit(format, suffix) })).toBe(
          defaultAggregation({ name: name.toLowerCase(), unit: unit(format, suffix) }),
        );
      }),
    );
  });

  const ratios = ['Utilisation', 'Conversion rate', 'Revenue per hour', 'CSAT score', 'Churn'];
  const flows = ['Revenue', 'Orders', 'Costs', 'Events held', 'New customers', 'Leads'];
  const levels = ['Members', 'Headcount', 'Cash', 'Inventory', 'Active customers'];
  const decorated = (words: string[]) =>
    fc.tuple(fc.constantFrom(...words), fc.constantFrom('', 'Monthly ', 'Shop '), fc.boolean());

  it('averages rates, ratios, scores and anything per something, in any unit but percent', () => {
    fc.assert(
      fc.property(
        decorated(ratios),
        fc.constantFrom('number', 'currency', 'duration' as const),
        ([word, prefix], format) => {
          expect(defaultAggregation({ name: prefix + word, unit: unit(format) })).toBe('average');
        },
      ),
    );
    expect(defaultAggregation({ name: 'Inventory turnover', unit: unit('number', '×') })).toBe(
      'average',
    );
    expect(defaultAggregation({ name: 'Resolution time', unit: unit('duration', 'days') })).toBe(
      'average',
    );
  });

  it('sums flows and takes the last of levels, read from the name or the unit label', () => {
    fc.assert(
      fc.property(decorated(flows), ([word, prefix, inLabel]) => {
        const kpi = inLabel
          ? { name: 'Shop', unit: unit('number', word) }
          : { name: prefix + word, unit: unit('currency') };
        expect(defaultAggregation(kpi)).toBe('sum');
      }),
    );
    fc.assert(
      fc.property(decorated(levels), ([word, prefix, inLabel]) => {
        const kpi = inLabel
          ? { name: 'Club', unit: unit('number', word.toLowerCase()) }
          : { name: prefix + word, unit: unit('number') };
        expect(defaultAggregation(kpi)).toBe('last');
      }),
    );
  });

  it('flags Sum on a percent or a level, never the default itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_FORMATS), anyText, anyText, (format, name, suffix) => {
        const kpi = { name, unit: unit(format, suffix) };
        expect(aggregationConcern({ ...kpi, aggregation: defaultAggregation(kpi) })).toBeNull();
      }),
    );
    expect(
      aggregationConcern({ name: 'Utilisation', unit: unit('percent'), aggregation: 'sum' }),
    ).toMatch(/240 %/u);
    expect(
      aggregationConcern({ name: 'Headcount', unit: unit('number'), aggregation: 'sum' }),
    ).toMatch(/Last is usual/u);
  });

  it('says in words what a quarter shows, matching what aggregate computes', () => {
    expect(aggregationMeaning('average', 'monthly')).toMatch(/^Q1 = average of its months/u);
    expect(aggregationMeaning('sum', 'monthly')).toMatch(/^Q1 = total of its months/u);
    expect(aggregationMeaning('last', 'monthly')).toMatch(/^Q1 = its last month reported/u);
    expect(aggregationMeaning('average', 'quarterly')).toMatch(
      /^The year = average of its quarters/u,
    );
    for (const frequency of FREQUENCIES)
      for (const how of AGGREGATIONS) expect(aggregationMeaning(how, frequency)).not.toBe('');
    // Three months at 80 %: the quarter the sentence promises is what the engine gives.
    expect(aggregate([80, 80, 80], defaultAggregation({ name: 'x', unit: unit('percent') }))).toBe(
      80,
    );
  });
});

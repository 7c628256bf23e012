import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiDefinitionSchema, kpiPatchSchema } from '@shared/api/schemas';
import { formatValue } from '@shared/domain/format';

describe('values in the user locale', () => {
  const eur = { format: 'currency' as const, currency: 'EUR', suffix: '' };
  it('formats money, percentages, counts and durations', () => {
    expect(formatValue(1234.5, eur, 2, 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatValue(1234.5, eur, 0, 'en-GB')).toBe('€1,235');
    expect(formatValue(12.5, { format: 'percent', currency: null, suffix: '' }, 1, 'en-US')).toBe(
      '12.5%',
    );
    expect(formatValue(3, { format: 'duration', currency: null, suffix: 'days' }, 0, 'en-US')).toBe(
      '3 days',
    );
    expect(formatValue(null, eur, 2, 'en-US')).toBe('—');
  });

  // Formats are kept per locale, unit and decimals: one kept for one unit must never write
  // another's value (a currency, a suffix or a number of decimals carried over).
  it('writes every value as a formatter made for it alone would, in any order', () => {
    const unit = fc.oneof(
      fc.record({
        format: fc.constant('currency' as const),
        currency: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', null),
        suffix: fc.constant(''),
      }),
      fc.record({
        format: fc.constantFrom('percent' as const, 'number' as const, 'duration' as const),
        currency: fc.constant(null),
        suffix: fc.constantFrom('', 'days', 'h'),
      }),
    );
    const written = fc.record({
      value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      unit,
      decimals: fc.integer({ min: 0, max: 6 }),
      locale: fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', undefined),
    });
    fc.assert(
      fc.property(fc.array(written, { minLength: 1, maxLength: 20 }), (values) => {
        for (const { value, unit: u, decimals, locale } of values) {
          const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
          const fresh =
            u.format === 'currency'
              ? new Intl.NumberFormat(locale, {
                  style: 'currency',
                  currency: u.currency ?? 'USD',
                  ...digits,
                }).format(value)
              : u.format === 'percent'
                ? new Intl.NumberFormat(locale, { style: 'percent', ...digits }).format(value / 100)
                : new Intl.NumberFormat(locale, digits).format(value) +
                  (u.suffix ? ` ${u.suffix}` : '');
          expect(formatValue(value, u, decimals, locale)).toBe(fresh);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('KPI definitions', () => {
  const issues = (input: unknown) => {
    const result = kpiDefinitionSchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('explain what is wrong and where', () => {
    expect(issues({ name: '' })).toEqual(['name: Name is required']);
    expect(issues({ name: 'Revenue', target: 'abc' })).toEqual(['target: Target must be a number']);
    expect(
      issues({
        name: 'Revenue',
        thresholds: { mode: 'percent_of_target', onTrack: 80, atRisk: 90 },
      }),
    ).toEqual([
      'thresholds.atRisk: For a higher-is-better KPI the "on track" threshold must be at or above the "at risk" threshold.',
    ]);
    expect(
      issues({
        name: 'Churn',
        direction: 'lower_is_better',
        thresholds: { mode: 'percent_of_target', onTrack: 120, atRisk: 100 },
      }),
    ).toHaveLength(1);
    expect(issues({ name: 'Food cost', direction: 'within_range' })).toEqual([
      'targetMin: A within-range KPI needs the lowest value of its target range',
      'targetMax: A within-range KPI needs the highest value of its target range',
    ]);
    expect(issues({ name: 'Revenue', unit: { format: 'currency' } })).toEqual([
      'unit.currency: A currency KPI needs its currency (e.g. EUR)',
    ]);
    expect(issues({ name: 'Revenue', colour: 'red' })).toHaveLength(1);
  });

  it('fill defaults on create but never in a patch', () => {
    const created = kpiDefinitionSchema.parse({ name: 'Revenue' });
    expect(created).toMatchObject({
      direction: 'higher_is_better',
      frequency: 'monthly',
      weight: 1,
      formula: null,
    });
    expect(kpiPatchSchema.parse({ name: 'Turnover' })).toEqual({ name: 'Turnover' });
  });
});

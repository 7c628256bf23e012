import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessHeaderLine, guessLayout } from '@shared/transfer/detect';
import { readDirection, readFrequency, readUnit } from '@shared/transfer/definition-rows';
import { KpiMatcher } from '@shared/transfer/kpi-matcher';
import { readPeriodCell } from '@shared/transfer/read-cells';
import type { SourceRow } from '@shared/transfer/table';

const rows = (...lines: (string | number | null)[][]): SourceRow[] =>
  lines.map((cells, index) => ({ line: index + 1, cells }));

const KPIS = [
  {
    id: 'a',
    name: 'Net profit margin',
    code: 'net_profit_margin',
    frequency: 'monthly',
    unitFormat: 'percent',
    formula: null,
  },
  {
    id: 'b',
    name: 'Revenue',
    code: 'revenue',
    frequency: 'monthly',
    unitFormat: 'currency',
    formula: null,
  },
  {
    id: 'c',
    name: 'revenue (old)',
    code: 'revenue_old',
    frequency: 'monthly',
    unitFormat: 'number',
    formula: null,
  },
] as const;

describe('guessing the layout of a values file', () => {
  it('skips a title above the header and finds long columns by their titles', () => {
    const guess = guessLayout(
      rows(
        ['Bakery figures'],
        [],
        ['Comment', 'Wert', 'Monat', 'Kennzahl'],
        ['ok', '1,5', '2026-01', 'Revenue'],
      ),
      'de-DE',
    );
    expect(guessHeaderLine(rows(['Bakery figures'], [], ['A', 'B'], ['x', 1]))).toBe(3);
    expect(guess.mapping).toEqual({
      layout: 'long',
      headerLine: 3,
      kpiColumn: 3,
      periodColumn: 2,
      valueColumn: 1,
      commentColumn: 0,
    });
    expect(guess.numberLocale).toBe('de-DE');
  });

  it('calls a file wide when its header holds periods', () => {
    const guess = guessLayout(
      rows(['KPI', 'Q1 2026', 'Q2 2026', 'Total'], ['Revenue', 1, 2, 3]),
      'en-GB',
    );
    expect(guess.mapping).toEqual({
      layout: 'wide',
      headerLine: 1,
      kpiColumn: 0,
      periodColumns: [1, 2],
    });
  });

  it('reads day-first or month-first from a date that can only be one', () => {
    expect(
      guessLayout(rows(['KPI', 'Date', 'Value'], ['R', '25/03/2026', '1']), 'en-US').dayFirst,
    ).toBe(true);
    expect(
      guessLayout(rows(['KPI', 'Date', 'Value'], ['R', '03/25/2026', '1']), 'en-GB').dayFirst,
    ).toBe(false);
    expect(
      guessLayout(rows(['KPI', 'Date', 'Value'], ['R', '03/04/2026', '1']), 'en-US').dayFirst,
    ).toBe(false);
  });
});

describe('matching KPI names', () => {
  const matcher = new KpiMatcher(KPIS);

  it('finds a KPI whatever the case and spacing of its name or identifier', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Net profit margin', 'net_profit_margin'),
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.constantFrom('', ' ', '  ', '\t'),
        (name, upper, pad) => {
          const cased = Array.from(name, (ch, i) =>
            upper[i] ? ch.toUpperCase() : ch.toLowerCase(),
          ).join('');
          const spaced = `${pad}${cased.replace(/ /gu, '  ')}${pad}`;
          const match = matcher.match(spaced);
          expect(match).toMatchObject({ kind: 'found', kpi: { id: 'a' } });
        },
      ),
    );
  });

  it('suggests the nearest name for a typo, and nothing for a stranger', () => {
    expect(matcher.match('Net proft margin')).toEqual({
      kind: 'unknown',
      suggestion: 'Net profit margin',
    });
    expect(matcher.match('Staff turnover')).toEqual({ kind: 'unknown', suggestion: null });
  });
});

describe('cells read as periods', () => {
  it('takes real date cells, Excel serial days and years', () => {
    const options = { numberLocale: 'en-GB', dayFirst: true, fiscalYearStartMonth: 1 };
    expect(readPeriodCell({ day: '2026-03-31' }, options)).toMatchObject({ key: '2026-03-31' });
    expect(readPeriodCell(46112, options)).toMatchObject({ frequency: 'daily', key: '2026-03-31' });
    expect(readPeriodCell('46112', options)).toMatchObject({ key: '2026-03-31' });
    expect(readPeriodCell(2026, options)).toMatchObject({ frequency: 'yearly', key: '2026' });
    expect(readPeriodCell(12, options)).toMatchObject({ ok: false });
  });
});

describe('definition words', () => {
  it('reads units, directions and frequencies as people write them', () => {
    expect(readUnit('%')).toEqual({ format: 'percent', currency: null, suffix: '' });
    expect(readUnit('€')).toEqual({ format: 'currency', currency: 'EUR', suffix: '' });
    expect(readUnit('gbp')).toEqual({ format: 'currency', currency: 'GBP', suffix: '' });
    expect(readUnit('members')).toEqual({ format: 'number', currency: null, suffix: 'members' });
    expect(readUnit('hours')).toEqual({ format: 'duration', currency: null, suffix: 'hours' });
    expect(readDirection('Lower is better')).toBe('lower_is_better');
    expect(readDirection('↑')).toBe('higher_is_better');
    expect(readDirection('maybe')).toHaveProperty('reason');
    expect(readFrequency('Annual')).toBe('yearly');
    expect(readFrequency('fortnightly')).toHaveProperty('reason');
  });
});

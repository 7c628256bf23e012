import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from '@shared/domain/kpi';
import { periodLabel } from '@shared/domain/period';
import {
  excelSerialToIsoDay,
  parsePeriodText,
  periodForFrequency,
  type PeriodTextOptions,
} from '@shared/parse/period';

const dayFirst: PeriodTextOptions = { dayFirst: true };
const key = (text: string, options = dayFirst) => {
  const result = parsePeriodText(text, options);
  if (!result.ok) return `error: ${result.reason}`;
  return result.kind === 'period' ? `${result.frequency} ${result.key}` : `FY ${result.fiscalYear}`;
};

describe('periods as spreadsheets write them', () => {
  it.each([
    ['2026-03', 'monthly 2026-03'],
    ['03/2026', 'monthly 2026-03'],
    ['3/2026', 'monthly 2026-03'],
    ['2026/3', 'monthly 2026-03'],
    ['31/03/2026', 'daily 2026-03-31'],
    ['31.03.2026', 'daily 2026-03-31'],
    ['2026-03-31', 'daily 2026-03-31'],
    ['2026-03-31T00:00:00Z', 'daily 2026-03-31'],
    ['Mar 2026', 'monthly 2026-03'],
    ['March 2026', 'monthly 2026-03'],
    ['mar-26', 'monthly 2026-03'],
    ['Sept. 2026', 'monthly 2026-09'],
    ['2026-Q1', 'quarterly 2026-Q1'],
    ['Q1 2026', 'quarterly 2026-Q1'],
    ['q4-2025', 'quarterly 2025-Q4'],
    ['2026 Q2', 'quarterly 2026-Q2'],
    ['2026-W13', 'weekly 2026-W13'],
    ['2026', 'yearly 2026'],
    ['FY2027', 'FY 2027'],
    ['FY 27', 'FY 2027'],
  ])('%s → %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('reads month-first dates when told to', () => {
    expect(key('03/31/2026', { dayFirst: false })).toBe('daily 2026-03-31');
    expect(key('04/03/2026', { dayFirst: false })).toBe('daily 2026-04-03');
    expect(key('04/03/2026', dayFirst)).toBe('daily 2026-03-04');
  });

  it('understands month names of the user locale', () => {
    expect(key('mars 2026', { dayFirst: true, locale: 'fr-FR' })).toBe('monthly 2026-03');
    expect(key('März 2026', { dayFirst: true, locale: 'de-DE' })).toBe('monthly 2026-03');
    expect(key('Dez. 2026', { dayFirst: true, locale: 'de-DE' })).toBe('monthly 2026-12');
  });

  it.each([
    // Quoting the text as written, not the key it was read as.
    ['2026-13', '"2026-13" is not a month'],
    ['31/02/2026', '"31/02/2026" is not a date'],
    ['31.13.2026', '"31.13.2026" is not a date'],
    ['2026-W54', '"2026-W54" is not a week'],
    ['Smarch 2026', 'not a month name'],
    ['next Tuesday', 'not a date or period'],
    ['', 'empty'],
  ])('refuses %j saying why', (text, reason) => {
    expect(key(text)).toContain(reason);
  });

  it('reads back every label the app itself shows (en-US)', () => {
    for (const frequency of ['monthly', 'quarterly', 'yearly'] as const) {
      const sample = { monthly: '2026-07', quarterly: '2026-Q3', yearly: '2026' }[frequency];
      expect(key(periodLabel(frequency, sample, 'en-US'))).toBe(`${frequency} ${sample}`);
    }
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const result = parsePeriodText(text, dayFirst);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Excel serial dates', () => {
  it('follows the 1900 date system', () => {
    expect(excelSerialToIsoDay(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDay(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDay(46112)).toBe('2026-03-31');
    expect(excelSerialToIsoDay(45351)).toBe('2024-02-29');
    expect(excelSerialToIsoDay(46112.75)).toBe('2026-03-31');
    expect(excelSerialToIsoDay(0)).toBeNull();
    expect(excelSerialToIsoDay(Number.NaN)).toBeNull();
  });
});

describe('storing a parsed period under a KPI frequency', () => {
  it('puts a date in the period that contains it', () => {
    const day = parsePeriodText('31/03/2026', dayFirst);
    expect(periodForFrequency(day, 'monthly')).toEqual({ key: '2026-03' });
    expect(periodForFrequency(day, 'quarterly')).toEqual({ key: '2026-Q1' });
    expect(periodForFrequency(day, 'weekly')).toEqual({ key: '2026-W14' });
    expect(periodForFrequency(parsePeriodText('Mar 2026', dayFirst), 'yearly')).toEqual({
      key: '2026',
    });
  });

  it('refuses a coarser period for a finer KPI, and a week for a month', () => {
    expect(periodForFrequency(parsePeriodText('2026-Q1', dayFirst), 'monthly')).toHaveProperty(
      'reason',
    );
    expect(periodForFrequency(parsePeriodText('2026-W13', dayFirst), 'monthly')).toHaveProperty(
      'reason',
    );
    expect(periodForFrequency(parsePeriodText('FY2027', dayFirst), 'yearly')).toHaveProperty(
      'reason',
    );
  });

  it('keeps a period of the same frequency as it is', () => {
    for (const frequency of FREQUENCIES) {
      const sample = {
        daily: '2026-03-31',
        weekly: '2026-W13',
        monthly: '2026-03',
        quarterly: '2026-Q1',
        yearly: '2026',
      }[frequency];
      expect(periodForFrequency(parsePeriodText(sample, dayFirst), frequency)).toEqual({
        key: sample,
      });
    }
  });
});

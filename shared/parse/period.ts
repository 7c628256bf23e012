import { FREQUENCY_RANK, type Frequency } from '../domain/kpi';
import { isPeriodKey, parsePeriod, periodKeyOfDay } from '../domain/period';

// Periods and dates as they appear in spreadsheets: `2026-03`, `03/2026`, `31/03/2026`,
// `Mar 2026`, `March 2026`, `mars 2026`, `2026-Q1`, `Q1 2026`, `2026-W13`, `2026`, `FY2027`,
// and Excel serial day numbers.

export type PeriodTextParse =
  | { ok: true; kind: 'period'; frequency: Frequency; key: string }
  | { ok: true; kind: 'fiscal_year'; fiscalYear: number }
  | { ok: false; reason: string };

export interface PeriodTextOptions {
  /** For `03/04/2026`: day first (most of the world) or month first (the US). */
  dayFirst: boolean;
  /** Month names of this locale are understood besides English. */
  locale?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/u, '');
}

const monthNameCache = new Map<string, Map<string, number>>();

function monthNames(locale: string | undefined): Map<string, number> {
  const key = locale ?? '';
  const cached = monthNameCache.get(key);
  if (cached) return cached;
  const names = new Map<string, number>();
  for (const loc of ['en-US', ...(locale ? [locale] : [])]) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(loc, { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month += 1) {
        const name = normalise(format.format(new Date(Date.UTC(2026, month - 1, 15))));
        if (!names.has(name)) names.set(name, month);
      }
    }
  }
  names.set('sept', 9);
  monthNameCache.set(key, names);
  return names;
}

const fail = (reason: string): PeriodTextParse => ({ ok: false, reason });
/** The period, or why not, quoting the text as the file wrote it ("31.13.2026"). */
const period = (frequency: Frequency, key: string, source: string): PeriodTextParse =>
  isPeriodKey(frequency, key)
    ? { ok: true, kind: 'period', frequency, key }
    : fail(
        `"${source}" is not a ${frequency === 'daily' ? 'date' : frequency.replace(/ly$/u, '')}${source === key ? '' : ` (read as ${key})`}`,
      );

function fullYear(text: string): number | null {
  const year = Number(text);
  if (text.length === 4) return year;
  if (text.length === 2) return 2000 + year; // "Mar-26": this century
  return null;
}

export function parsePeriodText(text: string, options: PeriodTextOptions): PeriodTextParse {
  const s = text.trim().replace(/\s+/gu, ' ');
  if (s === '') return fail('it is empty');
  if (s.length > 40) return fail('it is too long to be a period');
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/u.exec(s)))
    return period('daily', `${m[1]}-${m[2]}-${m[3]}`, s);
  if ((m = /^(\d{4})[-/.](\d{1,2})$/u.exec(s)))
    return period('monthly', `${m[1]}-${pad(Number(m[2]))}`, s);
  if ((m = /^(\d{1,2})[-/.](\d{4})$/u.exec(s)))
    return period('monthly', `${m[2]}-${pad(Number(m[1]))}`, s);
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u.exec(s))) {
    const year = fullYear(m[3] as string);
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = options.dayFirst ? [a, b] : [b, a];
    if (year === null) return fail(`"${s}" has no year`);
    return period('daily', `${year}-${pad(month)}-${pad(day)}`, s);
  }
  if ((m = /^(\d{4}) ?-? ?q([1-4])$/iu.exec(s)) || (m = /^q([1-4]) ?[-/ ]? ?(\d{4})$/iu.exec(s))) {
    const [year, quarter] = /^q/iu.test(s) ? [m[2], m[1]] : [m[1], m[2]];
    return period('quarterly', `${year}-Q${quarter}`, s);
  }
  if ((m = /^(\d{4}) ?-? ?w(\d{1,2})$/iu.exec(s)))
    return period('weekly', `${m[1]}-W${pad(Number(m[2]))}`, s);
  if ((m = /^fy ?-? ?(\d{4}|\d{2})$/iu.exec(s))) {
    const year = fullYear(m[1] as string);
    return year === null
      ? fail(`"${s}" has no year`)
      : { ok: true, kind: 'fiscal_year', fiscalYear: year };
  }
  if (/^\d{4}$/u.test(s)) return period('yearly', s, s);
  if ((m = /^([\p{L}.]+)[ -/,]*(\d{4}|\d{2})$/u.exec(s))) {
    const month = monthNames(options.locale).get(normalise(m[1] as string));
    const year = fullYear(m[2] as string);
    if (month === undefined) return fail(`"${m[1]}" is not a month name`);
    if (year === null) return fail(`"${s}" has no year`);
    return period('monthly', `${year}-${pad(month)}`, s);
  }
  return fail(
    `"${s}" is not a date or period (write it like 2026-03, Mar 2026, 31/03/2026 or 2026-Q1)`,
  );
}

/** The calendar day of an Excel serial date (1900 date system, with Excel's 1900 leap bug). */
export function excelSerialToIsoDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  // Excel counts a non-existent 29 Feb 1900 (serial 60); later serials are one day ahead.
  const offset = days > 60 ? days - 1 : days;
  return new Date(Date.UTC(1899, 11, 31) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The key under which a parsed period is stored for a KPI of `frequency`: a date or a finer
 * period goes to the period containing it (31/03/2026 → 2026-03 for a monthly KPI); a coarser
 * one cannot be stored in a finer KPI and is refused with the reason.
 */
export function periodForFrequency(
  parsed: PeriodTextParse,
  frequency: Frequency,
): { key: string } | { reason: string } {
  if (!parsed.ok) return { reason: parsed.reason };
  if (parsed.kind === 'fiscal_year')
    return {
      reason: `FY${parsed.fiscalYear} is a fiscal year; a ${frequency} KPI needs ${frequency} periods`,
    };
  if (parsed.frequency === frequency) return { key: parsed.key };
  if (FREQUENCY_RANK[parsed.frequency] > FREQUENCY_RANK[frequency])
    return { reason: `"${parsed.key}" is a ${parsed.frequency} period; this KPI is ${frequency}` };
  if (parsed.frequency === 'weekly' && frequency !== 'weekly') {
    return {
      reason: `"${parsed.key}" is a week, which can span two months; give a date or a ${frequency} period`,
    };
  }
  const start = parsePeriod(parsed.frequency, parsed.key)?.start;
  if (start === undefined) return { reason: `"${parsed.key}" is not a period` };
  return { key: periodKeyOfDay(frequency, start) };
}

import { ApiError } from '@shared/api/errors';
import { FREQUENCIES } from '@shared/domain/kpi';
import { parsePeriod, shiftPeriod, type Period } from '@shared/domain/period';
import { parsePeriodText } from '@shared/parse/period';

// The optional period range of a values export. The bounds may be periods of any frequency,
// written any way the import reads one (2026-01, Nov 2026, 2026-Q4, Q4 2026, 2026, FY2027,
// 31/03/2026, 2026-W05) and the workspace mixes frequencies, so the range is compared on days:
// a period is in when it starts within [from.start, to.end].

export interface PeriodRange {
  fromDay: string | null;
  toDay: string | null;
}

function anyPeriod(key: string): Period | null {
  for (const frequency of FREQUENCIES) {
    const period = parsePeriod(frequency, key);
    if (period) return period;
  }
  return null;
}

export interface PeriodTextContext {
  /** Month names of this locale are read besides English. */
  locale?: string | undefined;
  /** 1–12: FY2027 is the year ending in the month before this one in 2027. */
  fiscalYearStartMonth: number;
}

/** A period written any way the import reads one (shared/parse/period.ts), or why not. */
function readBound(text: string, context: PeriodTextContext): Period | string {
  const exact = anyPeriod(text);
  if (exact) return exact;
  const parsed = parsePeriodText(text, {
    dayFirst: !/^en-US$|^en-PH$|^es-US$/u.test(context.locale ?? ''),
    ...(context.locale === undefined ? {} : { locale: context.locale }),
  });
  if (!parsed.ok) return parsed.reason;
  if (parsed.kind === 'period') return parsePeriod(parsed.frequency, parsed.key) ?? text;
  // FY2027 with an April start: April 2026 – March 2027.
  const start = context.fiscalYearStartMonth;
  const firstMonth =
    start === 1
      ? `${String(parsed.fiscalYear)}-01`
      : `${String(parsed.fiscalYear - 1)}-${String(start).padStart(2, '0')}`;
  const first = parsePeriod('monthly', firstMonth);
  const last = parsePeriod('monthly', shiftPeriod('monthly', firstMonth, 11));
  return first && last ? { ...first, key: `FY${String(parsed.fiscalYear)}`, end: last.end } : text;
}

function bound(
  key: string | undefined,
  field: 'fromPeriod' | 'toPeriod',
  context: PeriodTextContext,
): Period | null {
  if (key === undefined) return null;
  const period = readBound(key, context);
  if (typeof period === 'string') {
    // The parser's reason when it says more than "not a period" ("Smarch" is not a month name).
    const detail = /is not a date or period/u.test(period) ? '' : `: ${period}`;
    throw new ApiError({
      code: 'VALIDATION',
      field,
      message: `${field === 'fromPeriod' ? 'From' : 'To'} period: "${key}" is not a period${detail} (write it like 2026-03, Nov 2026, 2026-Q4 or 2026)`,
    });
  }
  return period;
}

export function periodRange(
  fromPeriod?: string,
  toPeriod?: string,
  context: PeriodTextContext = { fiscalYearStartMonth: 1 },
): PeriodRange {
  const from = bound(fromPeriod, 'fromPeriod', context);
  const to = bound(toPeriod, 'toPeriod', context);
  if (from && to && from.start > to.end)
    throw new ApiError({
      code: 'VALIDATION',
      field: 'toPeriod',
      message: `To period: ${to.key} comes before the from period ${from.key}`,
    });
  return { fromDay: from?.start ?? null, toDay: to?.end ?? null };
}

export function inRange(range: PeriodRange, period: Period): boolean {
  return (
    (range.fromDay === null || period.start >= range.fromDay) &&
    (range.toDay === null || period.start <= range.toDay)
  );
}

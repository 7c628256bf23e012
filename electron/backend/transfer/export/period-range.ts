import { ApiError } from '@shared/api/errors';
import { FREQUENCIES } from '@shared/domain/kpi';
import { parsePeriod, type Period } from '@shared/domain/period';

// The optional period range of a values export. The bounds may be keys of any frequency
// (2026-01, 2026-Q1, 2026, 2026-W05, 2026-03-31) and the workspace mixes frequencies, so the
// range is compared on days: a period is in when it starts within [from.start, to.end].

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

function bound(key: string | undefined, field: 'fromPeriod' | 'toPeriod'): Period | null {
  if (key === undefined) return null;
  const period = anyPeriod(key);
  if (!period)
    throw new ApiError({
      code: 'VALIDATION',
      field,
      message: `${field === 'fromPeriod' ? 'From' : 'To'} period: "${key}" is not a period (write it like 2026-03, 2026-Q1 or 2026)`,
    });
  return period;
}

export function periodRange(fromPeriod?: string, toPeriod?: string): PeriodRange {
  const from = bound(fromPeriod, 'fromPeriod');
  const to = bound(toPeriod, 'toPeriod');
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

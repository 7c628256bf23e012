import { shiftBucket } from '../scoring/buckets';
import type { ViewSpec } from '../scoring/calendar';
import type { Comparison } from './options';

// Which periods a report compares and charts.

const PER_YEAR: Record<ViewSpec['frequency'], number> = { month: 12, quarter: 4, year: 1 };

/** The period the report compares with: the one before, or the same one a year earlier. */
export function comparisonPeriodOf(period: string, comparison: Comparison, view: ViewSpec): string {
  const steps = comparison === 'previous_period' ? 1 : PER_YEAR[view.frequency];
  return shiftBucket(period, -steps, view);
}

/** How many periods a trend chart shows: a year of months, two years of quarters, five years. */
export function chartLength(view: Pick<ViewSpec, 'frequency'>): number {
  return { month: 12, quarter: 8, year: 5 }[view.frequency];
}

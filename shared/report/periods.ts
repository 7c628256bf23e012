import { bucketOfDay, shiftBucket } from '../scoring/buckets';
import type { ViewSpec } from '../scoring/calendar';
import type { Comparison } from './option-choices';

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

/**
 * The periods the report offers, newest first: back from the later of the latest period with
 * data and the one holding today. A period after today is offered only when it has data — a
 * report of a month that has not happened and holds nothing helps no one. The chosen period
 * is always among them.
 */
export function reportPeriodChoices(input: {
  /** View periods with data, newest first. */
  withData: readonly string[];
  chosen: string;
  /** An ISO day. */
  today: string;
  view: ViewSpec;
  /** How many periods back from the newest. */
  back: number;
}): string[] {
  const { view } = input;
  const current = bucketOfDay(input.today, view);
  const latest = input.withData[0];
  const newest = latest !== undefined && latest > current ? latest : current;
  const withData = new Set(input.withData);
  const choices: string[] = [];
  for (let step = 0; step <= input.back; step += 1) {
    const period = shiftBucket(newest, -step, view);
    if (period <= current || withData.has(period)) choices.push(period);
  }
  if (!choices.includes(input.chosen)) choices.push(input.chosen);
  return choices;
}

import type { Aggregation, Frequency } from '../domain/kpi';
import { bucketOf, type BucketPlacer, type ViewSpec } from './calendar';

export interface PeriodValue {
  period: string;
  value: number;
}

/**
 * Combines the values of one bucket. Missing periods are simply absent — "no data", never
 * zero — so an empty list gives null. `last` takes the value of the latest period present.
 * `values` must be in chronological order.
 */
export function aggregate(values: readonly number[], how: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (how) {
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'average':
      return values.reduce((total, value) => total + value, 0) / values.length;
    case 'last':
      return values[values.length - 1] as number;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

/** Whether entries are in order of their periods, each period once (as sorting leaves them). */
export function strictlyInOrder(entries: readonly PeriodValue[]): boolean {
  for (let i = 1; i < entries.length; i += 1)
    if ((entries[i - 1] as PeriodValue).period >= (entries[i] as PeriodValue).period) return false;
  return true;
}

/**
 * A KPI's values viewed by month, quarter or year (calendar or fiscal), each bucket combined
 * with the KPI's own aggregation. Buckets without any value are absent from the result.
 * `place`: bucketOf for `view`, kept across KPIs by a caller evaluating many (bucketPlacer).
 */
export function aggregateByView(
  values: readonly PeriodValue[],
  frequency: Frequency,
  how: Aggregation,
  view: ViewSpec,
  place: BucketPlacer = (f, key) => bucketOf(f, key, view),
): Map<string, number> {
  // Values are usually read in order: copied and sorted only when they are not (a stable
  // sort leaves values in order as they are).
  const sorted = strictlyInOrder(values)
    ? values
    : [...values].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const groups = new Map<string, number[]>();
  for (const { period, value } of sorted) {
    const bucket = place(frequency, period);
    if (bucket === null) continue;
    const group = groups.get(bucket);
    if (group) group.push(value);
    else groups.set(bucket, [value]);
  }
  const result = new Map<string, number>();
  for (const [bucket, group] of groups) {
    const combined = aggregate(group, how);
    if (combined !== null) result.set(bucket, combined);
  }
  return result;
}

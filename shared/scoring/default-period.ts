import { FREQUENCY_RANK, type Frequency } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay } from '../domain/period';
import { bucketOfDay } from './buckets';
import {
  bucketOf,
  cachedPlacer,
  monthsOfBucket,
  type BucketPlacer,
  type ViewSpec,
} from './calendar';

// Which period the scorecard, the board report and the alerts look at when nobody chose one.
// Not simply the latest period with any value: one value imported for next month would move
// everything there, with every other KPI "No data". The rule (also in the in-app help):
//
// 1. Only periods up to the one containing today count; a future period is never the default.
// 2. The default is the latest period in which more than half of the KPIs that report values
//    have one. A KPI counts in a period when it is due there (a quarterly KPI in the last month
//    of its quarter, in a month view) and it had started reporting by then.
// 3. If no period has that, the latest one where at least two KPIs reported; then the latest
//    with any value; and with no values at all, the period containing today.
//
// So a single value in a later period never moves the default once two KPIs have reported a
// period together (property-tested).

/** A KPI whose values are entered (not calculated or rolled up) and the periods it has. */
export interface ReportingKpi {
  frequency: Frequency;
  periods: readonly string[];
}

export interface PeriodCount {
  /** KPIs with a value counted in this view period. */
  reported: number;
  /** KPIs due in this view period (every one measured as often as the view or more). */
  expected: number;
}

const VIEW_RANK = { month: 2, quarter: 3, year: 4 } as const;

/** The view period a KPI period is counted in: for a coarser KPI, the one its period ends in. */
export function reportingBucket(
  frequency: Frequency,
  period: string,
  view: ViewSpec,
): string | null {
  const own = bucketOf(frequency, period, view);
  if (own !== null) return own;
  const end = parsePeriod(frequency, period)?.end;
  return end === undefined ? null : bucketOfDay(end, view);
}

/** Whether a KPI is due in a view period: always, unless its own periods are longer. */
function dueIn(frequency: Frequency, bucket: string, view: ViewSpec): boolean {
  if (FREQUENCY_RANK[frequency] <= VIEW_RANK[view.frequency]) return true;
  const lastMonth = monthsOfBucket(bucket, view).at(-1);
  const lastDay = lastMonth === undefined ? undefined : parsePeriod('monthly', lastMonth)?.end;
  if (lastDay === undefined) return false;
  return reportingBucket(frequency, periodKeyOfDay(frequency, lastDay), view) === bucket;
}

/** A reporting KPI's view periods with a value: what completeness and the default count. */
export interface CountedKpi {
  frequency: Frequency;
  buckets: Set<string>;
  /** The earliest of them, or null with none. */
  first: string | null;
}

/** reportingBucket for one view, each distinct period of a frequency worked out once. */
export function reportingPlacer(view: ViewSpec): BucketPlacer {
  return cachedPlacer((frequency, period) => reportingBucket(frequency, period, view));
}

/**
 * Each KPI's view periods with a value, for periodCompleteness and defaultPeriod: counted once
 * when both are wanted (a scorecard of 5,000 KPIs has 120,000 periods to place).
 */
export function countReporting(kpis: readonly ReportingKpi[], view: ViewSpec): CountedKpi[] {
  const place = reportingPlacer(view);
  return kpis.map(({ frequency, periods }) => {
    const buckets = new Set<string>();
    let first: string | null = null;
    for (const period of periods) {
      const bucket = place(frequency, period);
      if (bucket === null) continue;
      buckets.add(bucket);
      if (first === null || bucket < first) first = bucket;
    }
    return { frequency, buckets, first };
  });
}

/** dueIn, worked out once per frequency and view period. */
function dueInMemo(view: ViewSpec): (frequency: Frequency, bucket: string) => boolean {
  const known = new Map<string, boolean>();
  return (frequency, bucket) => {
    if (FREQUENCY_RANK[frequency] <= VIEW_RANK[view.frequency]) return true;
    const key = `${frequency}|${bucket}`;
    let due = known.get(key);
    if (due === undefined) {
      due = dueIn(frequency, bucket, view);
      known.set(key, due);
    }
    return due;
  };
}

/** How many of the KPIs have a value in each view period. */
function reportedCounts(counted: readonly CountedKpi[]): Map<string, number> {
  const reported = new Map<string, number>();
  for (const kpi of counted)
    for (const bucket of kpi.buckets) reported.set(bucket, (reported.get(bucket) ?? 0) + 1);
  return reported;
}

/** How complete each view period with any value is: reported of expected, newest first. */
export function periodCompleteness(
  kpis: readonly ReportingKpi[],
  view: ViewSpec,
): Map<string, PeriodCount> {
  return completenessOf(countReporting(kpis, view), view);
}

/** periodCompleteness of KPIs already counted (countReporting). */
export function completenessOf(
  counted: readonly CountedKpi[],
  view: ViewSpec,
): Map<string, PeriodCount> {
  const due = dueInMemo(view);
  const reportedIn = reportedCounts(counted);
  // A KPI measured as often as the view or more is due in every view period; only the coarser
  // ones are looked at one by one.
  const coarser = counted.filter(
    (kpi) => FREQUENCY_RANK[kpi.frequency] > VIEW_RANK[view.frequency],
  );
  const alwaysDue = counted.length - coarser.length;
  const result = new Map<string, PeriodCount>();
  for (const bucket of [...reportedIn.keys()].sort().reverse()) {
    let expected = alwaysDue;
    for (const kpi of coarser)
      if (kpi.buckets.has(bucket) || due(kpi.frequency, bucket)) expected += 1;
    result.set(bucket, { reported: reportedIn.get(bucket) ?? 0, expected });
  }
  return result;
}

/** The default view period (see the rule above); `today` is an ISO day in the user's zone. */
export function defaultPeriod(
  kpis: readonly ReportingKpi[],
  view: ViewSpec,
  today: string,
): string {
  return defaultPeriodOf(countReporting(kpis, view), view, today);
}

/** defaultPeriod of KPIs already counted (countReporting). */
export function defaultPeriodOf(all: readonly CountedKpi[], view: ViewSpec, today: string): string {
  const current = bucketOfDay(today, view);
  const counted = all.filter((kpi) => kpi.first !== null);
  const due = dueInMemo(view);
  const reportedIn = reportedCounts(counted);
  const newestFirst = [...reportedIn.keys()]
    .filter((bucket) => bucket <= current)
    .sort()
    .reverse();
  for (const bucket of newestFirst) {
    const reported = reportedIn.get(bucket) ?? 0;
    let reporting = 0;
    for (const kpi of counted)
      if (
        kpi.buckets.has(bucket) ||
        ((kpi.first as string) <= bucket && due(kpi.frequency, bucket))
      )
        reporting += 1;
    // One KPI alone is never "most" of a scorecard that has others reporting: otherwise a
    // single value could make its own majority among the KPIs due so far.
    if (reported * 2 > reporting && (reported >= 2 || counted.length < 2)) return bucket;
  }
  return (
    newestFirst.find((bucket) => (reportedIn.get(bucket) ?? 0) >= 2) ?? newestFirst[0] ?? current
  );
}

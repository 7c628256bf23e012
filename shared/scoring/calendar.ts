import { FREQUENCY_RANK, type Frequency } from '../domain/kpi';
import { parsePeriod, periodKeyOfDay } from '../domain/period';

// Viewing a KPI at a coarser period than it is measured (a monthly KPI by quarter or year),
// on the calendar or on the workspace's fiscal year.
//
// Fiscal convention: a fiscal year is named after the calendar year in which it ENDS. With a
// fiscal year starting in April, April 2026 … March 2027 is FY2027, and its first quarter
// (FY2027-Q1) is April–June 2026. A fiscal year starting in January is the calendar year.

export type ViewFrequency = 'month' | 'quarter' | 'year';
export type YearBasis = 'calendar' | 'fiscal';

export interface ViewSpec {
  frequency: ViewFrequency;
  basis: YearBasis;
  /** 1–12; only read for the fiscal basis. */
  fiscalYearStartMonth: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The fiscal year (by its end year) and the fiscal quarter of a calendar month. */
export function fiscalPosition(
  year: number,
  month: number,
  fiscalYearStartMonth: number,
): { fiscalYear: number; quarter: number } {
  const offset = (month - fiscalYearStartMonth + 12) % 12; // months since the fiscal year began
  const fiscalYear =
    fiscalYearStartMonth === 1 ? year : month >= fiscalYearStartMonth ? year + 1 : year;
  return { fiscalYear, quarter: Math.floor(offset / 3) + 1 };
}

/** The month a period is counted in: its own month, or for a week the month of its Thursday. */
function monthOf(frequency: Frequency, key: string): { year: number; month: number } | null {
  const period = parsePeriod(frequency, key);
  if (!period) return null;
  let day = period.start;
  if (frequency === 'weekly') {
    const monday = Date.parse(`${period.start}T00:00:00Z`);
    day = new Date(monday + 3 * 86_400_000).toISOString().slice(0, 10);
  }
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

const VIEW_RANK: Record<ViewFrequency, number> = { month: 2, quarter: 3, year: 4 };

/**
 * The view period (bucket) a KPI period is counted in, or null when the KPI is measured less
 * often than the view (a quarterly KPI has no monthly value), or when a calendar quarter/year
 * KPI cannot be placed in a fiscal view whose quarters cut across it.
 */
export function bucketOf(frequency: Frequency, key: string, view: ViewSpec): string | null {
  if (FREQUENCY_RANK[frequency] > VIEW_RANK[view.frequency]) return null;
  const fiscal = view.basis === 'fiscal' && view.fiscalYearStartMonth !== 1;
  if (fiscal && frequency === 'quarterly' && (view.fiscalYearStartMonth - 1) % 3 !== 0) return null;
  if (fiscal && frequency === 'yearly') return null;
  const position = monthOf(frequency, key);
  if (!position) return null;
  const { year, month } = position;
  switch (view.frequency) {
    case 'month':
      return `${year}-${pad(month)}`;
    case 'quarter': {
      if (!fiscal) return periodKeyOfDay('quarterly', `${year}-${pad(month)}-01`);
      const { fiscalYear, quarter } = fiscalPosition(year, month, view.fiscalYearStartMonth);
      return `FY${fiscalYear}-Q${quarter}`;
    }
    case 'year':
      if (!fiscal) return String(year);
      return `FY${fiscalPosition(year, month, view.fiscalYearStartMonth).fiscalYear}`;
  }
}

/** A KPI period's view period, given as bucketOf; see bucketPlacer. */
export type BucketPlacer = (frequency: Frequency, key: string) => string | null;

/**
 * `place`, each distinct period of a frequency worked out once: an evaluation places every
 * stored value (120,000 for 5,000 KPIs of two years), most of them in periods other KPIs share.
 */
export function cachedPlacer(place: BucketPlacer): BucketPlacer {
  const placed = new Map<Frequency, Map<string, string | null>>();
  return (frequency, key) => {
    let known = placed.get(frequency);
    if (!known) {
      known = new Map();
      placed.set(frequency, known);
    }
    let bucket = known.get(key);
    if (bucket === undefined) {
      bucket = place(frequency, key);
      known.set(key, bucket);
    }
    return bucket;
  };
}

/** bucketOf for one view, each distinct period worked out once (cachedPlacer). */
export function bucketPlacer(view: ViewSpec): BucketPlacer {
  return cachedPlacer((frequency, key) => bucketOf(frequency, key, view));
}

/** The calendar months (YYYY-MM) that make up a view period, in order. */
export function monthsOfBucket(bucket: string, view: ViewSpec): string[] {
  const fiscalQuarter = /^FY(\d{4})-Q([1-4])$/.exec(bucket);
  const fiscalYear = /^FY(\d{4})$/.exec(bucket);
  const calendarQuarter = /^(\d{4})-Q([1-4])$/.exec(bucket);
  let firstYear: number;
  let firstMonth: number;
  let count: number;
  if (fiscalQuarter || fiscalYear) {
    const fy = Number((fiscalQuarter ?? fiscalYear)?.[1]);
    const start = view.fiscalYearStartMonth;
    firstYear = start === 1 ? fy : fy - 1;
    firstMonth = start + (fiscalQuarter ? (Number(fiscalQuarter[2]) - 1) * 3 : 0);
    count = fiscalQuarter ? 3 : 12;
  } else if (calendarQuarter) {
    firstYear = Number(calendarQuarter[1]);
    firstMonth = (Number(calendarQuarter[2]) - 1) * 3 + 1;
    count = 3;
  } else if (/^\d{4}$/.test(bucket)) {
    firstYear = Number(bucket);
    firstMonth = 1;
    count = 12;
  } else if (/^\d{4}-\d{2}$/.test(bucket)) {
    return [bucket];
  } else {
    return [];
  }
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = firstMonth - 1 + i;
    months.push(`${firstYear + Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  return months;
}

/** A label for a view period: "Q1 FY2027", "FY2027", or the calendar forms. */
export function bucketLabel(bucket: string): string {
  const fiscalQuarter = /^FY(\d{4})-Q([1-4])$/.exec(bucket);
  if (fiscalQuarter) return `Q${fiscalQuarter[2]} FY${fiscalQuarter[1]}`;
  const calendarQuarter = /^(\d{4})-Q([1-4])$/.exec(bucket);
  if (calendarQuarter) return `Q${calendarQuarter[2]} ${calendarQuarter[1]}`;
  return bucket;
}

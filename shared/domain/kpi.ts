// The vocabulary of a KPI definition (PRODUCT.md "Concepts"). Each list is the single source for
// the schema, the database CHECK constraints and the form's choices.

export const UNIT_FORMATS = ['number', 'percent', 'currency', 'duration'] as const;
export type UnitFormat = (typeof UNIT_FORMATS)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'within_range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Frequencies from finest to coarsest: a daily KPI can be shown by week, month…, not back. */
export const FREQUENCY_RANK: Readonly<Record<Frequency, number>> = {
  daily: 0,
  weekly: 1,
  monthly: 2,
  quarterly: 3,
  yearly: 4,
};

export const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** How a parent KPI gets its value: entered by hand, or rolled up from its children. */
export const ROLLUPS = ['manual', 'sum', 'average', 'weighted_average', 'min', 'max'] as const;
export type Rollup = (typeof ROLLUPS)[number];

export const KPI_TYPES = ['strategic', 'operational', 'functional'] as const;
export type KpiType = (typeof KPI_TYPES)[number];

export const INDICATOR_TIMINGS = ['leading', 'lagging'] as const;
export type IndicatorTiming = (typeof INDICATOR_TIMINGS)[number];

export const MEASURE_KINDS = ['input', 'process', 'output', 'outcome'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * Thresholds map a value to a status.
 * - `percent_of_target`: `onTrack` and `atRisk` are percentages of the target (e.g. 100 and 90
 *   for higher-is-better: ≥100 % of target is on track, ≥90 % at risk, below is off track;
 *   for lower-is-better, e.g. 100 and 110: ≤100 % on track, ≤110 % at risk).
 * - `absolute`: `onTrack` and `atRisk` are values in the KPI's unit, read the same way.
 * For within-range KPIs, the target range is [targetMin, targetMax] and the thresholds are the
 * tolerance outside the range (percent of the range's midpoint, or absolute): within `onTrack`
 * tolerance is on track, within `atRisk` tolerance at risk.
 */
export const THRESHOLD_MODES = ['percent_of_target', 'absolute'] as const;
export type ThresholdMode = (typeof THRESHOLD_MODES)[number];

export interface Thresholds {
  mode: ThresholdMode;
  onTrack: number;
  atRisk: number;
}

export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_range: 'Within a target range',
};

export const UNIT_FORMAT_LABELS: Record<UnitFormat, string> = {
  number: 'Number',
  percent: 'Percent',
  currency: 'Currency',
  duration: 'Duration',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};

/** Default thresholds a new KPI gets for its direction, so that a fresh KPI has a usable status. */
export function defaultThresholds(direction: Direction): Thresholds {
  switch (direction) {
    case 'higher_is_better':
      return { mode: 'percent_of_target', onTrack: 100, atRisk: 90 };
    case 'lower_is_better':
      return { mode: 'percent_of_target', onTrack: 100, atRisk: 110 };
    case 'within_range':
      return { mode: 'percent_of_target', onTrack: 0, atRisk: 10 };
  }
}

import type { Frequency } from '../domain/kpi';
import { parsePeriod, shiftPeriod } from '../domain/period';
import { periodOrdinal, periodsOfBucket } from './buckets';
import type { ViewSpec } from './calendar';
import { FORECAST_WINDOW } from './forecast';

// What an evaluation works out about the period shown for each KPI frequency: the same for
// every KPI of that frequency, so worked out once per frequency instead of once per KPI (a
// scorecard of 5,000 KPIs asked for it 15,000 times, each parsing period keys; issue 19).

export interface FrequencyPeriods {
  /** The KPI periods in the period shown, oldest first (periodsOfBucket). */
  periods: readonly string[];
  /** The last day of each of them (parsePeriod's end). */
  ends: readonly (string | undefined)[];
  /** Each one's ordinal (periodOrdinal). */
  ordinals: readonly (number | null)[];
  /** FORECAST_WINDOW periods before the first of them: where a forecast's trend may start. */
  earliest: string | undefined;
}

/** The periods of `bucket` for each frequency, worked out when first asked for. */
export function bucketPeriods(
  bucket: string,
  view: ViewSpec,
): (frequency: Frequency) => FrequencyPeriods {
  const known = new Map<Frequency, FrequencyPeriods>();
  return (frequency) => {
    let found = known.get(frequency);
    if (!found) {
      const periods = periodsOfBucket(frequency, bucket, view);
      const first = periods[0];
      found = {
        periods,
        ends: periods.map((period) => parsePeriod(frequency, period)?.end),
        ordinals: periods.map((period) => periodOrdinal(frequency, period)),
        earliest: first === undefined ? undefined : shiftPeriod(frequency, first, -FORECAST_WINDOW),
      };
      known.set(frequency, found);
    }
    return found;
  };
}

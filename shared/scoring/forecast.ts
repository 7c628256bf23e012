import type { Aggregation, Direction } from '../domain/kpi';
import { aggregate } from './aggregate';

/** Fewer points than this give no forecast: a line through two points is not a trend. */
export const MIN_FORECAST_POINTS = 4;
/** The trend is fitted to at most this many of the latest periods. */
export const FORECAST_WINDOW = 12;

export interface Trend {
  slope: number;
  intercept: number;
  points: number;
}

/**
 * Least-squares line through (index, value) points — ordinary least squares over the latest
 * FORECAST_WINDOW points, indices being period positions so gaps are respected. Null when
 * there are fewer than MIN_FORECAST_POINTS points.
 */
export function fitTrend(points: readonly { index: number; value: number }[]): Trend | null {
  const recent = [...points].sort((a, b) => a.index - b.index).slice(-FORECAST_WINDOW);
  if (recent.length < MIN_FORECAST_POINTS) return null;
  const n = recent.length;
  const meanX = recent.reduce((total, p) => total + p.index, 0) / n;
  const meanY = recent.reduce((total, p) => total + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of recent) {
    sxx += (p.index - meanX) ** 2;
    sxy += (p.index - meanX) * (p.value - meanY);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, points: n };
}

export interface BucketForecast {
  /** The bucket's value at its end: actuals where present, the trend for the rest. */
  projected: number;
  /** The periods (by index) the trend filled in. */
  forecastIndices: number[];
  /** Target minus projection, signed so that positive means "short of the target". */
  gap: number | null;
  verdict: 'on_track_to_hit' | 'projected_to_miss' | 'no_target';
}

/**
 * Projects a bucket (e.g. the current quarter of a monthly KPI) to its end: the periods of the
 * bucket that have values keep them, the others take the trend fitted to `history`, and the
 * bucket is combined with the KPI's aggregation. Null when there is no trend to use.
 */
export function forecastBucket(options: {
  history: readonly { index: number; value: number }[];
  bucketIndices: readonly number[];
  aggregation: Aggregation;
  direction: Direction;
  target: number | null;
  targetMin?: number | null;
  targetMax?: number | null;
}): BucketForecast | null {
  const trend = fitTrend(options.history);
  if (!trend) return null;
  const actual = new Map(options.history.map((p) => [p.index, p.value]));
  const forecastIndices: number[] = [];
  const values = options.bucketIndices.map((index) => {
    const known = actual.get(index);
    if (known !== undefined) return known;
    forecastIndices.push(index);
    return trend.intercept + trend.slope * index;
  });
  const projected = aggregate(values, options.aggregation);
  if (projected === null) return null;
  const { direction, target } = options;
  if (direction === 'within_range') {
    const low = options.targetMin ?? null;
    const high = options.targetMax ?? null;
    if (low === null || high === null)
      return { projected, forecastIndices, gap: null, verdict: 'no_target' };
    const gap = projected < low ? low - projected : projected > high ? high - projected : 0;
    return {
      projected,
      forecastIndices,
      gap,
      verdict: gap === 0 ? 'on_track_to_hit' : 'projected_to_miss',
    };
  }
  if (target === null) return { projected, forecastIndices, gap: null, verdict: 'no_target' };
  const gap = direction === 'higher_is_better' ? target - projected : projected - target;
  return {
    projected,
    forecastIndices,
    gap,
    verdict: gap <= 0 ? 'on_track_to_hit' : 'projected_to_miss',
  };
}

import type { Thresholds } from '../domain/kpi';

// The status zones behind a trend chart: for each period, the values where the status changes.
// The same rule as statusOf, drawn instead of evaluated, so the chart never disagrees with the
// badge next to it.

export interface StatusLimits {
  /** Values at or beyond this (in the good direction) are on track; null when unknown. */
  onTrack: number | null;
  /** Values at or beyond this, but short of onTrack, are at risk. */
  atRisk: number | null;
}

export interface RangeLimits {
  /** For within-range KPIs: the on-track band [low, high] and the wider at-risk band. */
  onTrackLow: number | null;
  onTrackHigh: number | null;
  atRiskLow: number | null;
  atRiskHigh: number | null;
}

/** The limits for higher- and lower-is-better KPIs; the direction says which side is good. */
export function statusLimits(thresholds: Thresholds, target: number | null): StatusLimits {
  if (thresholds.mode === 'absolute')
    return { onTrack: thresholds.onTrack, atRisk: thresholds.atRisk };
  if (target === null || target === 0) return { onTrack: null, atRisk: null };
  let onTrack = (target * thresholds.onTrack) / 100;
  let atRisk = (target * thresholds.atRisk) / 100;
  if (target < 0) [onTrack, atRisk] = [atRisk, onTrack];
  return { onTrack, atRisk };
}

export function rangeLimits(
  thresholds: Thresholds,
  targetMin: number | null,
  targetMax: number | null,
): RangeLimits {
  if (targetMin === null || targetMax === null)
    return { onTrackLow: null, onTrackHigh: null, atRiskLow: null, atRiskHigh: null };
  const scale =
    thresholds.mode === 'percent_of_target' ? Math.abs((targetMin + targetMax) / 2) / 100 : 1;
  return {
    onTrackLow: targetMin - thresholds.onTrack * scale,
    onTrackHigh: targetMax + thresholds.onTrack * scale,
    atRiskLow: targetMin - thresholds.atRisk * scale,
    atRiskHigh: targetMax + thresholds.atRisk * scale,
  };
}

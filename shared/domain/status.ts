import type { Direction, Status, Thresholds } from './kpi';

export interface StatusInput {
  value: number | null;
  direction: Direction;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  thresholds: Thresholds;
}

/**
 * The status of one value against its target. A value exactly on a threshold takes the better
 * status. Percent-of-target thresholds need a non-zero target; without a usable target the
 * status is "no data" rather than a guess.
 */
export function statusOf(input: StatusInput): Status {
  const { value, direction, thresholds } = input;
  if (value === null || !Number.isFinite(value)) return 'no_data';

  if (direction === 'within_range') {
    const { targetMin: low, targetMax: high } = input;
    if (low === null || high === null) return 'no_data';
    const distance = value < low ? low - value : value > high ? value - high : 0;
    const scale = thresholds.mode === 'percent_of_target' ? Math.abs((low + high) / 2) / 100 : 1;
    if (distance <= thresholds.onTrack * scale) return 'on_track';
    if (distance <= thresholds.atRisk * scale) return 'at_risk';
    return 'off_track';
  }

  let onTrackLimit: number;
  let atRiskLimit: number;
  if (thresholds.mode === 'absolute') {
    onTrackLimit = thresholds.onTrack;
    atRiskLimit = thresholds.atRisk;
  } else {
    const { target } = input;
    if (target === null || target === 0) return 'no_data';
    onTrackLimit = (target * thresholds.onTrack) / 100;
    atRiskLimit = (target * thresholds.atRisk) / 100;
    if (target < 0) [onTrackLimit, atRiskLimit] = [atRiskLimit, onTrackLimit];
  }

  if (direction === 'higher_is_better') {
    if (value >= onTrackLimit) return 'on_track';
    if (value >= atRiskLimit) return 'at_risk';
    return 'off_track';
  }
  if (value <= onTrackLimit) return 'on_track';
  if (value <= atRiskLimit) return 'at_risk';
  return 'off_track';
}

/**
 * Why a thresholds pair does not fit a direction, or null when it does. Used by validation so
 * the message names the rule the user broke.
 */
export function thresholdOrderProblem(direction: Direction, thresholds: Thresholds): string | null {
  const { onTrack, atRisk } = thresholds;
  switch (direction) {
    case 'higher_is_better':
      return onTrack >= atRisk
        ? null
        : 'For a higher-is-better KPI the "on track" threshold must be at or above the "at risk" threshold.';
    case 'lower_is_better':
      return onTrack <= atRisk
        ? null
        : 'For a lower-is-better KPI the "on track" threshold must be at or below the "at risk" threshold.';
    case 'within_range':
      if (onTrack < 0 || atRisk < 0) return 'Range tolerances cannot be negative.';
      return onTrack <= atRisk
        ? null
        : 'For a within-range KPI the "on track" tolerance must not be larger than the "at risk" tolerance.';
  }
}

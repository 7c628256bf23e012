import type { Direction, Status, Thresholds } from './kpi';

export interface StatusInput {
  value: number | null;
  direction: Direction;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  thresholds: Thresholds;
  /** The KPI's display decimals: value, target and limits are compared as shown. */
  decimals?: number;
}

/**
 * A number rounded as the app shows it with `decimals` (half away from zero, like
 * Intl.NumberFormat), so 11.99995 at two decimals is 12 — the "12.00" the user reads.
 */
export function roundForDisplay(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.max(0, Math.min(decimals, 12));
  const factor = 10 ** digits;
  // A whole number shown with its digits exact (under 10^15 scaled) rounds to itself; the text
  // below would give it back unchanged, at about a microsecond each (five per KPI evaluated).
  if (Number.isInteger(value) && Math.abs(value) * factor < 1e15) return value;
  // Through the decimal text, so 1.005 (really 1.00499…) rounds as it is printed. From 10^15
  // on the text has an exponent of its own ("1.2e+18"), which the shift is added to.
  const [mantissa, exponent = '0'] = Math.abs(value).toPrecision(15).split('e');
  const scaled = Number(`${mantissa ?? ''}e${String(Number(exponent) + digits)}`);
  // + 0 turns the -0 of a small negative rounded away (-0.4 at no decimals) into 0.
  return (Math.sign(value) * Math.round(scaled)) / factor + 0;
}

/**
 * Value, target and range at the precision shown, when the KPI's decimals are known: what
 * reads as equal is equal.
 */
export function atDisplayPrecision<T extends StatusInput>(input: T): T {
  const { decimals } = input;
  if (decimals === undefined) return input;
  const round = (x: number | null) => (x === null ? null : roundForDisplay(x, decimals));
  return {
    ...input,
    value: round(input.value),
    target: round(input.target),
    targetMin: round(input.targetMin),
    targetMax: round(input.targetMax),
  };
}

/**
 * The status of one value against its target. A value exactly on a threshold takes the better
 * status. Percent-of-target thresholds need a non-zero target; without a usable target the
 * status is "no data" rather than a guess. With the KPI's decimals, the comparison is made at
 * the precision shown: value, target and the threshold limits rounded as displayed.
 */
export function statusOf(raw: StatusInput): Status {
  const input = atDisplayPrecision(raw);
  const limit = (x: number) => (raw.decimals === undefined ? x : roundForDisplay(x, raw.decimals));
  const { value, direction, thresholds } = input;
  if (value === null || !Number.isFinite(value)) return 'no_data';

  if (direction === 'within_range') {
    const { targetMin: low, targetMax: high } = input;
    if (low === null || high === null) return 'no_data';
    const scale = thresholds.mode === 'percent_of_target' ? Math.abs((low + high) / 2) / 100 : 1;
    if (
      value >= limit(low - thresholds.onTrack * scale) &&
      value <= limit(high + thresholds.onTrack * scale)
    )
      return 'on_track';
    if (
      value >= limit(low - thresholds.atRisk * scale) &&
      value <= limit(high + thresholds.atRisk * scale)
    )
      return 'at_risk';
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
  onTrackLimit = limit(onTrackLimit);
  atRiskLimit = limit(atRiskLimit);

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

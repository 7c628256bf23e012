import type { Direction } from '../domain/kpi';

/** Scores are capped so that one runaway KPI cannot hide the others in a roll-up. */
export const SCORE_CAP = 150;

export interface ScoreInput {
  value: number | null;
  direction: Direction;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
}

/**
 * A KPI value's score, 0 … SCORE_CAP, where 100 means "exactly on target"; null when there is
 * no value or no usable target. The rule, also shown in the app's help:
 *
 * - Higher is better: value ÷ target × 100. With a target of zero or below, the score is
 *   100 + (value − target) ÷ |target| × 100 (or, for a zero target, 100 when the value is at
 *   least zero and 0 otherwise).
 * - Lower is better: target ÷ value × 100 for a positive target and value; a value of zero or
 *   below against a positive target has reached the best possible result and scores the cap.
 *   With a target of zero or below: 100 at or under the target, 0 above it.
 * - Within a range: 100 inside [min, max]; outside, 100 minus the distance to the range as a
 *   percentage of the range's half-width (or of |midpoint| for a range of one value), never
 *   below 0.
 */
export function scoreOf(input: ScoreInput): number | null {
  const { value, direction, target } = input;
  if (value === null || !Number.isFinite(value)) return null;
  let raw: number;
  switch (direction) {
    case 'higher_is_better':
      if (target === null) return null;
      if (target > 0) raw = (value / target) * 100;
      else if (target === 0) raw = value >= 0 ? 100 : 0;
      else raw = 100 + ((value - target) / Math.abs(target)) * 100;
      break;
    case 'lower_is_better':
      if (target === null) return null;
      if (target > 0) raw = value <= 0 ? SCORE_CAP : (target / value) * 100;
      else raw = value <= target ? 100 : 0;
      break;
    case 'within_range': {
      const { targetMin: low, targetMax: high } = input;
      if (low === null || high === null) return null;
      if (value >= low && value <= high) return 100;
      const distance = value < low ? low - value : value - high;
      const scale = high > low ? (high - low) / 2 : Math.abs((low + high) / 2) || 1;
      raw = 100 - (distance / scale) * 100;
      break;
    }
  }
  return Math.min(SCORE_CAP, Math.max(0, raw));
}

export interface WeightedItem {
  score: number | null;
  weight: number;
}

export interface RollUp {
  /** Weighted average of the items with data, weights renormalised; null if none has data. */
  score: number | null;
  /** How many items had no data (and were left out). */
  noData: number;
  /** How many items there were. */
  total: number;
}

/**
 * Objective, perspective, scorecard and workspace scores: weighted averages of what is below
 * them. Items without data are skipped and the remaining weights renormalised; the count of
 * skipped items is reported so the view can say "2 of 5 KPIs have no data". Items of weight 0
 * count as present but do not move the score; if every weight is 0, all count equally.
 */
export function rollUp(items: readonly WeightedItem[]): RollUp {
  const present = items.filter(
    (item): item is { score: number; weight: number } => item.score !== null,
  );
  const noData = items.length - present.length;
  if (present.length === 0) return { score: null, noData, total: items.length };
  const totalWeight = present.reduce((total, item) => total + item.weight, 0);
  const score =
    totalWeight > 0
      ? present.reduce((total, item) => total + item.score * item.weight, 0) / totalWeight
      : present.reduce((total, item) => total + item.score, 0) / present.length;
  return { score, noData, total: items.length };
}

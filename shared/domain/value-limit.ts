// The largest magnitude a KPI value may have. Doubles reach about 1.8e308; a limit well below
// that keeps every sum, average and weighted roll-up the app computes finite for any count of
// values a workspace can hold (1e8 values of 1e300, or a weight of 1000 times 1e300, are still
// finite), while no real measure comes near it. Values beyond it were accepted before the limit
// existed and can still be in a file: the evaluation reports those as "too large", never as
// "no data" (see evaluate-kpis.ts).
export const MAX_VALUE_MAGNITUDE = 1e300;

export const VALUE_LIMIT_TEXT = 'between -1e300 and 1e300';

export function isWithinValueLimit(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_VALUE_MAGNITUDE;
}

// Values an import probably misread, found while it is written. A decimal mark taken for a
// thousands separator makes 1,968 into 1.968 (1000× smaller); a percent written as a fraction
// makes 91.5 % into 0.915. Neither is an error a parser can see: each is a value far from what
// the KPI usually holds, so the dry run names them and the user decides.

/** A value this many times larger or smaller than the KPI's typical one is flagged. */
export const MAGNITUDE_RATIO = 30;

/** The typical size of a KPI's recent values: the median of their magnitudes, or null. */
export function typicalMagnitude(values: readonly number[]): number | null {
  const sizes = values
    .map(Math.abs)
    .filter((size) => size > 0 && Number.isFinite(size))
    .sort((a, b) => a - b);
  if (sizes.length === 0) return null;
  const middle = Math.floor(sizes.length / 2);
  return sizes.length % 2 === 1
    ? (sizes[middle] as number)
    : ((sizes[middle - 1] as number) + (sizes[middle] as number)) / 2;
}

/**
 * How far off `value` is, as a power of ten (1000, 100, 0.01, 0.001…), when it is at least
 * MAGNITUDE_RATIO times larger or smaller than `typical`; null when it is in line (or zero).
 */
export function magnitudeFactor(value: number, typical: number | null): number | null {
  if (typical === null || value === 0 || !Number.isFinite(value)) return null;
  const ratio = Math.abs(value) / typical;
  if (ratio < MAGNITUDE_RATIO && ratio > 1 / MAGNITUDE_RATIO) return null;
  return 10 ** Math.round(Math.log10(ratio));
}

/** Tallies of the values one Percent KPI gets from a file. */
export interface PercentTally {
  count: number;
  /** Values between −1 and 1. */
  fractions: number;
  /** Of those, values with a fractional part (0.915, not 0 or 1). */
  fractional: number;
  example: number | null;
}

export const emptyPercentTally = (): PercentTally => ({
  count: 0,
  fractions: 0,
  fractional: 0,
  example: null,
});

export function tallyPercent(tally: PercentTally, value: number): void {
  tally.count += 1;
  if (Math.abs(value) <= 1) {
    tally.fractions += 1;
    if (!Number.isInteger(value)) {
      tally.fractional += 1;
      tally.example ??= value;
    }
  }
}

/**
 * Every value of a Percent KPI between −1 and 1, some with decimals, while its history (if
 * any) is not: the file writes 91.5 % as 0.915.
 */
export function looksLikeFractions(tally: PercentTally, typical: number | null): boolean {
  return (
    tally.count > 0 &&
    tally.fractions === tally.count &&
    tally.fractional > 0 &&
    (typical === null || typical > 1.5)
  );
}

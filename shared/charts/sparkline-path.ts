// A sparkline as one SVG path: a run of values without gaps is one subpath ("M … L …"), scaled
// to the box; a gap (no data) starts a new subpath rather than dropping to zero. One path per
// sparkline keeps a scorecard of hundreds of rows cheap to draw.

export interface SparklineShape {
  /** The path's `d`; empty when fewer than two neighbouring values can be joined. */
  d: string;
  /** The last value's point, marked with a dot (it also shows a lone value). */
  last: { x: number; y: number } | null;
}

export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  padding: number,
): SparklineShape {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return { d: '', last: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  const x = (index: number) => padding + index * step;
  const y = (value: number) => height - padding - ((value - min) / span) * (height - 2 * padding);
  const subpaths: string[] = [];
  let current: string[] = [];
  let last: { x: number; y: number } | null = null;
  const close = () => {
    // A one-point run draws nothing as a line; the dot shows the last value.
    if (current.length > 1) subpaths.push(`M${current.join('L')}`);
    current = [];
  };
  values.forEach((value, index) => {
    if (value === null) {
      close();
      return;
    }
    last = { x: x(index), y: y(value) };
    current.push(`${last.x.toFixed(1)},${last.y.toFixed(1)}`);
  });
  close();
  return { d: subpaths.join(''), last };
}

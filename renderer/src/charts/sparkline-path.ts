// Points of a sparkline: one polyline per run of values without gaps, scaled to the box.

export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  padding: number,
): { segments: string[]; last: { x: number; y: number } | null } {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return { segments: [], last: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  const x = (index: number) => padding + index * step;
  const y = (value: number) => height - padding - ((value - min) / span) * (height - 2 * padding);
  const segments: string[] = [];
  let current: string[] = [];
  let last: { x: number; y: number } | null = null;
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    last = { x: x(index), y: y(value) };
    current.push(`${last.x.toFixed(1)},${last.y.toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  // A lone point still shows as a dot (the last marker); a one-point polyline draws nothing.
  return { segments: segments.filter((segment) => segment.includes(' ')), last };
}

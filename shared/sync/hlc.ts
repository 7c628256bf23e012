// Hybrid logical clocks (Kulkarni et al., 2014): a stamp is wall time in milliseconds, a counter
// for events within one millisecond (or behind a clock seen from another device), and the
// device, so two stamps never tie. Written as fixed-width text, stamps sort as text in clock
// order: SQLite and PostgreSQL compare them without parsing.

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 8;
const COUNTER_LIMIT = 10 ** COUNTER_DIGITS;

export function formatHlc({ wall, counter, device }: Hlc): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${device}`;
}

const PATTERN = /^(\d{15})-(\d{8})-(.+)$/u;

/** The stamp in `text`, or null when it is not one. */
export function parseHlc(text: string): Hlc | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), device: match[3] ?? '' };
}

/** A counter past its width moves the clock on a millisecond instead of breaking the order. */
function normalise(wall: number, counter: number, device: string): Hlc {
  return counter >= COUNTER_LIMIT
    ? { wall: wall + 1, counter: 0, device }
    : { wall, counter, device };
}

/** The stamp of a local event written at `physical` (ms), after the clock `last`. */
export function tick(last: Hlc | null, physical: number, device: string): Hlc {
  if (last === null || physical > last.wall) return { wall: physical, counter: 0, device };
  return normalise(last.wall, last.counter + 1, device);
}

/** The clock after receiving `remote` at `physical`: later than both, so what follows is too. */
export function receive(last: Hlc | null, remote: Hlc, physical: number, device: string): Hlc {
  const lastWall = last?.wall ?? -1;
  const wall = Math.max(lastWall, remote.wall, physical);
  if (wall === lastWall && wall === remote.wall)
    return normalise(wall, Math.max(last?.counter ?? 0, remote.counter) + 1, device);
  if (wall === lastWall) return normalise(wall, (last?.counter ?? 0) + 1, device);
  if (wall === remote.wall) return normalise(wall, remote.counter + 1, device);
  return { wall, counter: 0, device };
}

/** Clock order as text order; -1, 0 or 1. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

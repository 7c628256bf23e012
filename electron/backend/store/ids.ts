// Record ids: UUIDv7 (ARCHITECTURE.md "Workspace file"), made fast enough for an import that
// logs a million values. The `uuid` package asks the system for 16 random bytes per id (~10 µs
// each here); this takes fresh random bits once per millisecond and counts up from them inside
// it, which RFC 9562 §6.2 allows ("monotonic random"): ids made later sort later.

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
let lastMs = -1;
let prefix = '';
let counter = 0;

function hex(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 1) text += HEX[bytes[i] as number] as string;
  return text;
}

function startMillisecond(ms: number): void {
  const random = crypto.getRandomValues(new Uint8Array(9));
  const time = ms.toString(16).padStart(12, '0');
  // Version 7 in the 13th hex digit, the variant bits 0b10 at the top of the 17th.
  const randA = ((random[0] as number) & 0x0f).toString(16);
  const variant = 0x80 | ((random[1] as number) & 0x3f);
  prefix = `${time.slice(0, 8)}-${time.slice(8)}-7${randA}${hex(random, 2, 3)}-${HEX[variant] as string}${hex(random, 3, 4)}-`;
  // A random start below 2^40 in the last 48 bits: counting up inside one millisecond can
  // never carry out of them.
  counter = 0;
  for (let i = 4; i < 9; i += 1) counter = counter * 256 + (random[i] as number);
  lastMs = ms;
}

/** A new UUIDv7, greater than every id this process made before it. */
export function newId(): string {
  const now = Date.now();
  if (now > lastMs) startMillisecond(now);
  else counter += 1;
  return prefix + counter.toString(16).padStart(12, '0');
}

/**
 * `count` ids in a row, for a bulk write that makes them in SQL: id i (from 0) is `prefix`
 * followed by `first + i` as 12 hex digits — exactly what `count` calls of `newId` would have
 * given, and every later `newId` sorts after them.
 */
export function newIdBlock(count: number): { prefix: string; first: number } {
  const now = Date.now();
  if (now > lastMs) startMillisecond(now);
  else counter += 1;
  const first = counter;
  // The counter starts below 2^40, so 2^48 is out of reach of any count a write can have.
  counter += Math.max(0, count - 1);
  return { prefix, first };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, foldRecord, foldSettings, lifeStamp, type RecordEvent } from '@shared/sync/fold';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '@shared/sync/hlc';

// The fold's laws: the same events in any order, any of them arriving twice, come to the same
// result on every laptop; the newest stamp wins; edits that did not see each other are flagged.

interface Edit {
  device: number;
  /** Which field of the record the edit sets (values have one). */
  field: number;
  value: number;
  /** Whether the device first hears what another device has sent (a sync). */
  syncFrom: number | null;
}

const edits = fc.array(
  fc.record({
    device: fc.integer({ min: 0, max: 2 }),
    field: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: 0, max: 1000 }),
    syncFrom: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  }),
  { minLength: 1, maxLength: 30 },
);

/**
 * A history as devices make it: each writes with its own clock (wall times may go backwards
 * between devices), names the heads it knows as the base, and now and then receives everything
 * another device knows.
 */
function simulate(history: readonly Edit[]): RecordEvent[] {
  const clocks: (Hlc | null)[] = [null, null, null];
  const known: Set<RecordEvent>[] = [new Set(), new Set(), new Set()];
  const all: RecordEvent[] = [];
  history.forEach((edit, n) => {
    const here = known[edit.device] as Set<RecordEvent>;
    if (edit.syncFrom !== null && edit.syncFrom !== edit.device) {
      for (const event of known[edit.syncFrom] as Set<RecordEvent>) {
        if (here.has(event)) continue;
        here.add(event);
        const stamp = parseHlc(event.hlc) as Hlc;
        clocks[edit.device] = receive(
          clocks[edit.device] ?? null,
          stamp,
          1000 + n,
          `d${String(edit.device)}`,
        );
      }
    }
    // Device 2's wall clock runs 50 ms behind.
    const physical = 1000 + n - (edit.device === 2 ? 50 : 0);
    const stamp = tick(clocks[edit.device] ?? null, physical, `d${String(edit.device)}`);
    clocks[edit.device] = stamp;
    const mine = [...here];
    const base = mine.length ? foldKey(mine).heads.map((event) => event.id) : [];
    const field = `f${String(edit.field)}`;
    const event: RecordEvent = {
      id: `e${String(n).padStart(3, '0')}`,
      hlc: formatHlc(stamp),
      base,
      operation: mine.length ? 'update' : 'insert',
      before: mine.length ? { [field]: -1 } : null,
      after: { [field]: edit.value },
    };
    here.add(event);
    all.push(event);
  });
  return all;
}

const shuffled = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('the fold', () => {
  it('gives the same winner, heads and record in any order, with events repeated', () => {
    fc.assert(
      fc.property(
        edits.chain((history) => {
          const events = simulate(history);
          return fc.tuple(fc.constant(events), shuffled(events), fc.subarray(events));
        }),
        ([events, reordered, repeated]) => {
          const once = foldKey(events);
          const again = foldKey([...reordered, ...repeated]);
          expect(again.winner.id).toBe(once.winner.id);
          expect(again.heads.map((e) => e.id)).toEqual(once.heads.map((e) => e.id));
          expect(foldRecord([...repeated, ...reordered])).toEqual(foldRecord(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('merges settings and gives a life stamp the same in any order, with events repeated', () => {
    fc.assert(
      fc.property(
        edits.chain((history) => {
          const events = simulate(history);
          return fc.tuple(fc.constant(events), shuffled(events), fc.subarray(events));
        }),
        ([events, reordered, repeated]) => {
          const arrived = [...repeated, ...reordered];
          expect(foldSettings(arrived)).toEqual(foldSettings(events));
          expect(lifeStamp(arrived)).toBe(lifeStamp(events));
          // Each setting is the newest event's that set that field, whatever the inserts.
          const settings = foldSettings(events).fields ?? {};
          for (const [field, value] of Object.entries(settings)) {
            const newest = [...events]
              .filter((event) => event.after !== null && field in event.after)
              .sort((x, y) => (x.hlc < y.hlc ? 1 : -1))[0];
            expect(newest?.after?.[field]).toBe(value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a unique name to the record whose life began first, and lets a delete win over a later edit', () => {
    const at = (wall: number, device: string) => formatHlc({ wall, counter: 0, device });
    const insert: RecordEvent = {
      id: 'i',
      hlc: at(10, 'A'),
      base: [],
      operation: 'insert',
      before: null,
      after: { code: 'rev', name: 'Revenue' },
    };
    const edit: RecordEvent = {
      id: 'e',
      hlc: at(20, 'B'),
      base: ['i'],
      operation: 'update',
      before: { code: 'rev', name: 'Revenue' },
      after: { code: 'rev', name: 'Net revenue' },
    };
    const remove: RecordEvent = {
      id: 'd',
      hlc: at(15, 'C'),
      base: ['i'],
      operation: 'delete',
      before: { code: 'rev', name: 'Revenue' },
      after: null,
    };
    expect(lifeStamp([edit, insert])).toBe(insert.hlc);
    // The delete wins over the later edit it did not see (which stays in the history).
    expect(foldRecord([insert, edit, remove])).toEqual({ fields: null, conflicts: [] });
    expect(lifeStamp([insert, edit, remove])).toBeNull();
    // Settings merge even without an insert, each field the newest setting.
    expect(foldSettings([edit]).fields).toEqual({ name: 'Net revenue' });
  });

  it('lets the newest stamp win, and flags edits only when they did not see each other', () => {
    fc.assert(
      fc.property(edits, (history) => {
        const events = simulate(history);
        const { winner, heads } = foldKey(events);
        expect(events.every((event) => event.hlc <= winner.hlc)).toBe(true);
        expect(heads[0]?.id).toBe(winner.id);
        // One device alone never conflicts with itself.
        if (new Set(history.map((edit) => edit.device)).size === 1) expect(heads).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('flags the same value edited on two laptops, keeps both, and clears once an edit saw both', () => {
    const a = { id: 'a', hlc: formatHlc({ wall: 10, counter: 0, device: 'A' }), base: [] };
    const b = { id: 'b', hlc: formatHlc({ wall: 12, counter: 0, device: 'B' }), base: [] };
    expect(foldKey([a, b]).winner).toBe(b);
    expect(foldKey([b, a]).heads.map((e) => e.id)).toEqual(['b', 'a']);
    const settle = {
      id: 'c',
      hlc: formatHlc({ wall: 13, counter: 0, device: 'A' }),
      base: ['b', 'a'],
    };
    expect(foldKey([a, settle, b]).heads.map((e) => e.id)).toEqual(['c']);
  });

  it('merges a KPI per field and lets a delete win over a concurrent edit', () => {
    const stamp = (wall: number, device: string) => formatHlc({ wall, counter: 0, device });
    const insert: RecordEvent = {
      id: 'i',
      hlc: stamp(1, 'A'),
      base: [],
      operation: 'insert',
      before: null,
      after: { name: 'Sales', target: 10, owner: 'Ann' },
    };
    const rename: RecordEvent = {
      id: 'r',
      hlc: stamp(5, 'A'),
      base: ['i'],
      operation: 'update',
      before: { name: 'Sales', target: 10, owner: 'Ann' },
      after: { name: 'Revenue', target: 10, owner: 'Ann' },
    };
    const retarget: RecordEvent = {
      id: 't',
      hlc: stamp(4, 'B'),
      base: ['i'],
      operation: 'update',
      before: { name: 'Sales', target: 10, owner: 'Ann' },
      after: { name: 'Sales', target: 12, owner: 'Ann' },
    };
    expect(foldRecord([retarget, insert, rename])).toEqual({
      fields: { name: 'Revenue', target: 12, owner: 'Ann' },
      conflicts: [],
    });
    const rival: RecordEvent = {
      ...retarget,
      id: 'x',
      hlc: stamp(6, 'B'),
      after: { name: 'Turnover', target: 10, owner: 'Ann' },
    };
    expect(foldRecord([insert, rename, rival])).toEqual({
      fields: { name: 'Turnover', target: 10, owner: 'Ann' },
      conflicts: ['name'],
    });
    const remove: RecordEvent = {
      id: 'd',
      hlc: stamp(3, 'B'),
      base: ['i'],
      operation: 'delete',
      before: insert.after,
      after: null,
    };
    expect(foldRecord([insert, rename, remove])).toEqual({ fields: null, conflicts: [] });
  });
});

describe('hybrid logical clocks', () => {
  const stamps = fc.record({
    wall: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    counter: fc.integer({ min: 0, max: 99_999_999 }),
    device: fc.constantFrom('A', 'B', 'C'),
  });

  it('orders stamps as text exactly as by (wall, counter, device), and reads them back', () => {
    fc.assert(
      fc.property(stamps, stamps, (a, b) => {
        const byParts =
          a.wall - b.wall ||
          a.counter - b.counter ||
          (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
        const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(byText)).toBe(Math.sign(byParts));
        expect(parseHlc(formatHlc(a))).toEqual(a);
      }),
    );
  });

  it('moves on past everything it has sent or received, whatever the wall clock says', () => {
    fc.assert(
      fc.property(
        stamps,
        stamps,
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (last, remote, physical) => {
          const next = tick(last, physical, 'A');
          expect(formatHlc({ ...next, device: '' }) > formatHlc({ ...last, device: '' })).toBe(
            true,
          );
          const after = receive(last, remote, physical, 'A');
          expect(formatHlc({ ...after, device: '' }) > formatHlc({ ...last, device: '' })).toBe(
            true,
          );
          expect(formatHlc({ ...after, device: '' }) > formatHlc({ ...remote, device: '' })).toBe(
            true,
          );
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedRows } from '../../../electron/backend/transfer/import/import-writer';

// The import writer writes a batch's new values in key order (KPI slot, then period index):
// sortedRows gives that order, and a batch that came in that order is written as it came.

const PERIOD_SLOTS = 1_048_576;
const key = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: PERIOD_SLOTS - 1 }))
  .map(([slot, period]) => slot * PERIOD_SLOTS + period);

describe('the order a batch of new values is written in', () => {
  it('is the rows stably sorted by key', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const rows = sortedRows(Float64Array.from(keys), keys.length);
        const stable = keys
          .map((k, row) => ({ k, row }))
          .sort((a, b) => a.k - b.k || a.row - b.row)
          .map(({ row }) => row);
        expect([...rows]).toEqual(stable);
      }),
    );
  });

  it('is the order they came in when their keys ascend, so none is sorted', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const ascending = [...keys].sort((a, b) => a - b);
        const rows = sortedRows(Float64Array.from(ascending), ascending.length);
        expect([...rows]).toEqual(ascending.map((_, row) => row));
      }),
    );
  });
});

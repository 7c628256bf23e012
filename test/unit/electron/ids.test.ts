import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId, newIdBlock } from '../../../electron/backend/store/ids';

// Change-log and record ids: UUIDv7 that sort in the order they were made (history is read
// newest first by time, then id), made fast enough for an import of a million values.

describe('newId', () => {
  it('makes valid version 7 UUIDs, each greater than the one before', () => {
    const ids = Array.from({ length: 50_000 }, () => newId());
    for (const id of ids.slice(0, 100)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1)
      expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
  });

  it('starts with the current time in milliseconds', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.replace('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it('makes a million ids in a few seconds at most, even on a loaded machine', () => {
    const start = performance.now();
    for (let i = 0; i < 1_000_000; i += 1) newId();
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('reserves a block of ids for a bulk write that sort between the ids made around it', () => {
    const before = newId();
    const { prefix, first } = newIdBlock(5_000);
    const block = Array.from(
      { length: 5_000 },
      (_, i) => prefix + (first + i).toString(16).padStart(12, '0'),
    );
    const after = newId();
    for (const id of [block[0] ?? '', block[4_999] ?? '']) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    const all = [before, ...block, after];
    for (let i = 1; i < all.length; i += 1)
      expect((all[i] as string) > (all[i - 1] as string)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparklinePath } from '@shared/charts/sparkline-path';

// The scorecard's sparklines: one SVG path each, a gap in the data breaks the line.

const W = 90;
const H = 24;
const PAD = 2;

function points(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

describe('sparklinePath', () => {
  it('draws a run of values as one subpath, low values low and high values high', () => {
    const { d, last } = sparklinePath([10, 20, 30], W, H, PAD);
    expect(d).toBe('M2.0,22.0L45.0,12.0L88.0,2.0');
    expect(last).toEqual({ x: 88, y: 2 });
  });

  it('breaks the line at a gap instead of dropping to zero, and marks a lone last value', () => {
    const { d, last } = sparklinePath([5, 6, null, 7, 8, null, 9], W, H, PAD);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(points(d).map((p) => p.x)).toEqual([2, 16.3, 45, 59.3]);
    expect(last?.x).toBe(88);
  });

  it('draws nothing for no data', () => {
    expect(sparklinePath([null, null], W, H, PAD)).toEqual({ d: '', last: null });
  });

  it('has one subpath per run of two or more values, every point inside the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          maxLength: 40,
        }),
        (values) => {
          const { d, last } = sparklinePath(values, W, H, PAD);
          let runs = 0;
          let length = 0;
          for (const value of [...values, null]) {
            if (value === null) {
              if (length > 1) runs += 1;
              length = 0;
            } else length += 1;
          }
          expect((d.match(/M/g) ?? []).length).toBe(runs);
          for (const p of points(d)) {
            expect(p.x).toBeGreaterThanOrEqual(PAD - 0.05);
            expect(p.x).toBeLessThanOrEqual(W - PAD + 0.05);
            expect(p.y).toBeGreaterThanOrEqual(PAD - 0.05);
            expect(p.y).toBeLessThanOrEqual(H - PAD + 0.05);
          }
          expect(last === null).toBe(values.every((value) => value === null));
        },
      ),
    );
  });
});

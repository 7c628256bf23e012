import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Thresholds } from '@shared/domain/kpi';
import { statusOf } from '@shared/domain/status';

// The status flips exactly at each threshold: on the limit a value takes the better status,
// a hair beyond it the worse one — for each direction and each kind of threshold.

// Thresholds on quarter steps, values up to a million: a millionth is well above rounding.
const NUDGE = 1e-6;

describe('status flips exactly at the threshold', () => {
  it('higher is better and lower is better, absolute thresholds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'higher_is_better' | 'lower_is_better'>(
          'higher_is_better',
          'lower_is_better',
        ),
        fc.integer({ min: -4e6, max: 4e6 }),
        fc.integer({ min: 0, max: 4e5 }),
        (direction, firstQuarters, gapQuarters) => {
          const first = firstQuarters / 4;
          const gap = gapQuarters / 4;
          const better = direction === 'higher_is_better' ? 1 : -1;
          const thresholds: Thresholds = {
            mode: 'absolute',
            onTrack: first,
            atRisk: first - better * gap,
          };
          const at = (value: number) =>
            statusOf({
              value,
              direction,
              target: null,
              targetMin: null,
              targetMax: null,
              thresholds,
            });
          expect(at(thresholds.onTrack)).toBe('on_track');
          expect(at(thresholds.atRisk)).toBe(gap === 0 ? 'on_track' : 'at_risk');
          expect(at(thresholds.atRisk - better * NUDGE)).toBe('off_track');
          if (gap > 0) expect(at(thresholds.onTrack - better * NUDGE)).toBe('at_risk');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('percent-of-target thresholds', () => {
    expect(
      statusOf({
        value: 90,
        direction: 'higher_is_better',
        target: 100,
        targetMin: null,
        targetMax: null,
        thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 90 },
      }),
    ).toBe('at_risk');
    expect(
      statusOf({
        value: 89.999,
        direction: 'higher_is_better',
        target: 100,
        targetMin: null,
        targetMax: null,
        thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 90 },
      }),
    ).toBe('off_track');
    expect(
      statusOf({
        value: 110,
        direction: 'lower_is_better',
        target: 100,
        targetMin: null,
        targetMax: null,
        thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 110 },
      }),
    ).toBe('at_risk');
    expect(
      statusOf({
        value: 110.001,
        direction: 'lower_is_better',
        target: 100,
        targetMin: null,
        targetMax: null,
        thresholds: { mode: 'percent_of_target', onTrack: 100, atRisk: 110 },
      }),
    ).toBe('off_track');
  });

  it('within a range: the edges of the range and of each tolerance', () => {
    const thresholds: Thresholds = { mode: 'absolute', onTrack: 0.5, atRisk: 1.5 };
    const at = (value: number) =>
      statusOf({
        value,
        direction: 'within_range',
        target: null,
        targetMin: 28,
        targetMax: 32,
        thresholds,
      });
    expect(at(32.5)).toBe('on_track');
    expect(at(32.5001)).toBe('at_risk');
    expect(at(26.5)).toBe('at_risk');
    expect(at(26.4999)).toBe('off_track');
    expect(at(30)).toBe('on_track');
  });
});

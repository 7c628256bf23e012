import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusOf } from '@shared/domain/status';
import { rangeLimits, statusLimits } from '@shared/scoring/bands';

// The chart's zones must agree with the status badge for every value.

describe('status zones agree with statusOf', () => {
  it('for higher- and lower-is-better, percent and absolute thresholds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'higher_is_better' | 'lower_is_better'>(
          'higher_is_better',
          'lower_is_better',
        ),
        fc.constantFrom<'percent_of_target' | 'absolute'>('percent_of_target', 'absolute'),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 50, max: 150 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (direction, mode, target, first, gap, value) => {
          const thresholds =
            direction === 'higher_is_better'
              ? { mode, onTrack: first + gap, atRisk: first }
              : { mode, onTrack: first, atRisk: first + gap };
          const limits = statusLimits(thresholds, target);
          const expected = statusOf({
            value,
            direction,
            target,
            targetMin: null,
            targetMax: null,
            thresholds,
          });
          const good = (limit: number | null) =>
            limit !== null && (direction === 'higher_is_better' ? value >= limit : value <= limit);
          const zone = good(limits.onTrack)
            ? 'on_track'
            : good(limits.atRisk)
              ? 'at_risk'
              : 'off_track';
          expect(zone).toBe(expected);
        },
      ),
    );
  });

  it('for within-range KPIs', () => {
    const thresholds = { mode: 'absolute' as const, onTrack: 0, atRisk: 1.5 };
    expect(rangeLimits(thresholds, 28, 32)).toEqual({
      onTrackLow: 28,
      onTrackHigh: 32,
      atRiskLow: 26.5,
      atRiskHigh: 33.5,
    });
    expect(
      statusOf({
        value: 33.4,
        direction: 'within_range',
        target: null,
        targetMin: 28,
        targetMax: 32,
        thresholds,
      }),
    ).toBe('at_risk');
  });
});

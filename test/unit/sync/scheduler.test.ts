import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attempt } from '../../../electron/backend/sync/activity';
import { SyncScheduler } from '../../../electron/backend/sync/scheduler';

// The background sync's timing with fake timers: when it syncs after a change, on its timer,
// how far it backs off while offline and that a success resets it, that it never starts a sync
// while one runs, pauses for a password, and plans nothing once stopped.

const TIMING = { debounceMs: 3_000, intervalMs: 60_000, retryMs: 5_000, maxRetryMs: 40_000 };

function setup() {
  const runs: number[] = [];
  const plans: (number | null)[] = [];
  const scheduler = new SyncScheduler({
    run: () => {
      runs.push(Date.now());
      // A sync starts at once and is settled by the test.
      scheduler.began();
    },
    timing: TIMING,
    now: () => Date.now(),
    onPlan: (at) => plans.push(at),
  });
  return { scheduler, runs, plans };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the background sync scheduler', () => {
  it('syncs a debounce after it starts, then on its timer', () => {
    const { scheduler, runs } = setup();
    scheduler.start();
    vi.advanceTimersByTime(2_999);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([3_000]);
    scheduler.settled('ok');
    vi.advanceTimersByTime(60_000);
    expect(runs).toEqual([3_000, 63_000]);
  });

  it('sends a change within the debounce, and steady typing does not postpone it', () => {
    const { scheduler, runs } = setup();
    scheduler.start();
    vi.advanceTimersByTime(3_000);
    scheduler.settled('ok');
    vi.advanceTimersByTime(10_000);
    scheduler.changed();
    vi.advanceTimersByTime(1_000);
    scheduler.changed();
    vi.advanceTimersByTime(1_000);
    scheduler.changed();
    vi.advanceTimersByTime(1_000);
    expect(runs).toEqual([3_000, 16_000]);
  });

  it('backs off exponentially while offline, capped, and a success resets it', () => {
    const { scheduler, runs } = setup();
    scheduler.start();
    const waits: number[] = [];
    let last = 0;
    for (let i = 0; i < 6; i += 1) {
      vi.advanceTimersToNextTimer();
      waits.push(Date.now() - last);
      last = Date.now();
      scheduler.settled('offline');
      // Changes made while offline do not hasten the next try.
      scheduler.changed();
    }
    expect(waits).toEqual([3_000, 5_000, 10_000, 20_000, 40_000, 40_000]);
    vi.advanceTimersToNextTimer();
    scheduler.settled('ok');
    const before = runs.length;
    vi.advanceTimersByTime(59_999);
    expect(runs).toHaveLength(before);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(before + 1);
    // After the reset, a failure waits the first retry again.
    scheduler.settled('failed');
    vi.advanceTimersByTime(5_000);
    expect(runs).toHaveLength(before + 2);
  });

  it('never starts a sync while one runs (one the user started included)', () => {
    const { scheduler, runs } = setup();
    scheduler.start();
    scheduler.began();
    vi.advanceTimersByTime(120_000);
    scheduler.changed();
    vi.advanceTimersByTime(120_000);
    expect(runs).toEqual([]);
    scheduler.settled('ok');
    vi.advanceTimersByTime(60_000);
    expect(runs).toEqual([300_000]);
  });

  it('waits for a password: no retries until a sync succeeds again', () => {
    const { scheduler, runs, plans } = setup();
    scheduler.start();
    vi.advanceTimersByTime(3_000);
    scheduler.settled('password-needed');
    expect(plans.at(-1)).toBeNull();
    scheduler.changed();
    vi.advanceTimersByTime(3_600_000);
    expect(runs).toEqual([3_000]);
    // The user gave the password through Sync now.
    scheduler.began();
    scheduler.settled('ok');
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(2);
  });

  it('plans nothing once stopped, even when the sync in flight ends after', () => {
    const { scheduler, runs, plans } = setup();
    scheduler.start();
    vi.advanceTimersByTime(3_000);
    scheduler.stop();
    scheduler.settled('offline' satisfies Attempt);
    scheduler.changed();
    vi.advanceTimersByTime(3_600_000);
    expect(runs).toEqual([3_000]);
    expect(plans.at(-1)).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tells when the next try is', () => {
    const { scheduler, plans } = setup();
    scheduler.start();
    expect(plans.at(-1)).toBe(3_000);
    vi.advanceTimersByTime(3_000);
    scheduler.settled('offline');
    expect(plans.at(-1)).toBe(8_000);
  });
});

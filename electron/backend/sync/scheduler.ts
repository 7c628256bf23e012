import type { Attempt } from './activity';

// When the open workspace syncs by itself (TEAM-SYNC.md "Client"): a few seconds after a local
// change, on a timer, and after a failure again later and later (exponential, capped), back to
// the timer after a success. It never starts a sync while one runs, pauses while the server
// waits for a password, and plans nothing once stopped. The sync itself and what counts as one
// running come from outside (background.ts), so this is plain timer logic, tested with fake
// timers.

export interface SchedulerTiming {
  /** After a local change: how long to wait for more before sending. */
  debounceMs: number;
  /** Between syncs when nothing happens (the others' changes arrive this often). */
  intervalMs: number;
  /** The first wait after a failure; doubled each failure after it. */
  retryMs: number;
  /** The longest wait after failures. */
  maxRetryMs: number;
}

export const DEFAULT_TIMING: SchedulerTiming = {
  debounceMs: 3_000,
  intervalMs: 60_000,
  retryMs: 5_000,
  maxRetryMs: 5 * 60_000,
};

export interface SchedulerDeps {
  /** Starts a sync; its start and end come back through `began` and `settled`. */
  run: () => unknown;
  timing: SchedulerTiming;
  now: () => number;
  /** The next try (epoch ms), or null: none planned. */
  onPlan: (at: number | null) => void;
}

export class SyncScheduler {
  private started = false;
  private running = false;
  private paused = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt: number | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  /** The open workspace is shared: sync soon, then on the timer. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.failures = 0;
    this.paused = false;
    if (!this.running) this.planIn(this.deps.timing.debounceMs);
  }

  /** The workspace closed (or is not shared): nothing more is planned. */
  stop(): void {
    this.started = false;
    this.clear();
  }

  isStarted(): boolean {
    return this.started;
  }

  /**
   * Something was written here. A sync is due within the debounce; a later change does not
   * push it back (so steady typing still syncs), and while backing off or waiting for a
   * password, changes wait for that.
   */
  changed(): void {
    if (!this.started || this.running || this.paused || this.failures > 0) return;
    const due = this.deps.now() + this.deps.timing.debounceMs;
    if (this.dueAt !== null && this.dueAt <= due) return;
    this.planIn(this.deps.timing.debounceMs);
  }

  /** A sync started (this one's or one the user asked for). */
  began(): void {
    this.running = true;
    this.clear();
  }

  /** A sync ended: plan the next try from how. */
  settled(attempt: Attempt): void {
    this.running = false;
    if (!this.started) return;
    const { intervalMs, retryMs, maxRetryMs } = this.deps.timing;
    if (attempt === 'ok') {
      this.failures = 0;
      this.paused = false;
      this.planIn(intervalMs);
    } else if (attempt === 'password-needed') {
      // Trying again would be refused again; the user's password (or Sync now) resumes it.
      this.paused = true;
      this.clear();
    } else {
      this.failures += 1;
      this.planIn(Math.min(maxRetryMs, retryMs * 2 ** (this.failures - 1)));
    }
  }

  private planIn(ms: number): void {
    this.clear();
    this.dueAt = this.deps.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      this.deps.onPlan(null);
      if (this.started && !this.running) this.deps.run();
    }, ms);
    // A planned sync never keeps a host (or a test) alive on its own.
    if (typeof this.timer === 'object' && 'unref' in this.timer) this.timer.unref();
    this.deps.onPlan(this.dueAt);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.dueAt !== null) {
      this.dueAt = null;
      this.deps.onPlan(null);
    }
  }
}

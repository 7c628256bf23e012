import type { SyncState } from '@shared/api/contract-sync';

// What sync is doing for the open workspace in this process: whether a sync runs now, how the
// last one ended and when the background sync tries next. Kept in memory (a restart starts
// idle); the file keeps only the last sync's time and error (link.ts).

/** How a sync ended, as the background sync plans its next try from it. */
export type Attempt = 'ok' | 'offline' | 'password-needed' | 'failed';

export interface ActivityListener {
  began(): void;
  settled(attempt: Attempt): void;
  /** The state, the next try or the workspace it is about changed: time to tell the page. */
  changed(): void;
}

export class SyncActivity {
  private workspacePath: string | null = null;
  private running = 0;
  private last: Attempt | null = null;
  private next: number | null = null;
  private readonly listeners = new Set<ActivityListener>();

  listen(listener: ActivityListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A sync of the workspace at `path` starts. */
  began(path: string): void {
    if (path !== this.workspacePath) this.forget(path);
    this.running += 1;
    for (const listener of this.listeners) listener.began();
    this.announce();
  }

  finished(path: string, attempt: Attempt): void {
    this.running = Math.max(0, this.running - 1);
    if (path !== this.workspacePath) return;
    this.last = attempt;
    for (const listener of this.listeners) listener.settled(attempt);
    this.announce();
  }

  /** When the background sync tries next (epoch ms), or null. */
  plan(at: number | null): void {
    if (at === this.next) return;
    this.next = at;
    this.announce();
  }

  /** Another workspace is open (or none): its sync has not run in this process yet. */
  forget(path: string | null): void {
    this.workspacePath = path;
    this.last = null;
    this.next = null;
  }

  isRunning(): boolean {
    return this.running > 0;
  }

  state(path: string): SyncState {
    if (this.running > 0) return 'syncing';
    if (path !== this.workspacePath || this.last === null || this.last === 'ok') return 'idle';
    return this.last;
  }

  nextTryAt(path: string): string | null {
    return path === this.workspacePath && this.next !== null
      ? new Date(this.next).toISOString()
      : null;
  }

  private announce(): void {
    for (const listener of this.listeners) listener.changed();
  }
}

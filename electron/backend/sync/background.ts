import type { ApiResult } from '@shared/api/errors';
import type { HandlerContext } from '../context';
import { hasSyncTables, readLink } from './link';
import { unstampedCount } from './pending';
import { DEFAULT_TIMING, SyncScheduler, type SchedulerTiming } from './scheduler';
import { currentStatus } from './status';

// The background sync of the open workspace, for every host (desktop main process, browser
// mode): the scheduler started when a shared workspace opens (or is shared or joined), told of
// each local change, stopped when it closes; and the page told where sync stands whenever that
// changes. The syncs themselves go through the dispatcher like the user's, so they never run
// two at once and never hold the queue while waiting on the server.

type Dispatch = (method: string, params: unknown) => Promise<ApiResult<unknown>>;

function isShared(ctx: HandlerContext): boolean {
  const open = ctx.current();
  if (open === null || open.isLent()) return false;
  return hasSyncTables(open.db) && readLink(open.db) !== null;
}

/** Starts following the backend's events; returns the stop (for the backend's close). */
export function startBackgroundSync(
  ctx: HandlerContext,
  dispatch: Dispatch,
  timing: Partial<SchedulerTiming>,
): () => void {
  const activity = ctx.syncActivity;
  const scheduler = new SyncScheduler({
    run: () => void dispatch('sync.run', {}),
    timing: { ...DEFAULT_TIMING, ...timing },
    now: () => Date.now(),
    onPlan: (at) => {
      activity.plan(at);
    },
  });
  const tell = (): void => {
    ctx.events.emit('sync', { status: safely(() => currentStatus(ctx)) });
  };
  const safely = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      ctx.options.log?.('Could not read the sync status', error);
      return null;
    }
  };

  const stopListening = activity.listen({
    began: () => {
      scheduler.began();
    },
    settled: (attempt) => {
      scheduler.settled(attempt);
      if (attempt !== 'ok') return;
      // A share or a join makes the open workspace shared; what was written during the sync
      // goes out after the debounce rather than at the next timer.
      if (!scheduler.isStarted() && isShared(ctx)) scheduler.start();
      const open = ctx.current();
      if (open !== null && !open.isLent() && safely(() => unstampedCount(open.db)) !== 0)
        scheduler.changed();
    },
    changed: tell,
  });
  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name === 'workspace') {
      scheduler.stop();
      activity.forget(event.payload.path);
      if (safely(() => isShared(ctx))) scheduler.start();
      tell();
    } else if (event.name === 'changed') {
      // A sync's own announcement of what it received is not a change to send.
      if (!activity.isRunning()) scheduler.changed();
      if (scheduler.isStarted()) tell();
    }
  });
  // Opened before the host started listening (browser mode's --workspace).
  if (safely(() => isShared(ctx))) scheduler.start();

  return () => {
    scheduler.stop();
    unsubscribe();
    stopListening();
  };
}

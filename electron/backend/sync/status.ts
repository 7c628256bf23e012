import type { SyncStatus } from '@shared/api/contract-sync';
import type { HandlerContext } from '../context';
import type { Workspace } from '../workspace/workspace';
import type { SyncActivity } from './activity';
import { conflictKeys, readLink } from './link';
import { waitingToSend } from './pending';

// Where the open workspace's sync stands, read from the file alone: the background sync tells
// the page after every change, so this must not load the PostgreSQL driver (a start stays
// light; test/unit/backend/start-imports.test.ts).

export function syncStatus(ctx: HandlerContext): SyncStatus | null {
  return statusOf(ctx.workspace(), ctx.syncActivity);
}

/** The open workspace's status, or null when none is open, it is lent, or not shared. */
export function currentStatus(ctx: HandlerContext): SyncStatus | null {
  const open = ctx.current();
  return open === null || open.isLent() ? null : statusOf(open, ctx.syncActivity);
}

export function statusOf(workspace: Workspace, activity: SyncActivity): SyncStatus | null {
  const { db } = workspace;
  const link = readLink(db);
  if (link === null) return null;
  const state = activity.state(workspace.path);
  return {
    server: link.server,
    space: link.space,
    lastSyncedAt: link.lastSyncedAt,
    waiting: waitingToSend(db),
    conflicts: conflictKeys(db).length,
    // A password refused earlier is asked for again rather than shown as a failure.
    lastError: state === 'password-needed' ? null : link.lastError,
    state,
    nextTryAt: activity.nextTryAt(workspace.path),
  };
}

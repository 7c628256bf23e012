import {
  initSyncServer,
  join,
  listConflicts,
  resolveConflict,
  runSync,
  setSpaceMember,
  share,
} from '../sync/service';
import { syncStatus } from '../sync/status';
import type { HandlerGroup } from './types';

// Team sync: the server's setup and members, sharing and joining a space, syncing, and the
// conflicts to review.

export const syncHandlers = {
  'sync.initServer': (input) => initSyncServer(input.url),
  'sync.setMember': (input) => setSpaceMember(input),
  'sync.share': (input, ctx) => share(ctx, input.url, input.space),
  'sync.join': (input, ctx) => join(ctx, input),
  'sync.run': (input, ctx) => runSync(ctx, input),
  'sync.status': (_input, ctx) => syncStatus(ctx),
  'sync.conflicts': (_input, ctx) => listConflicts(ctx),
  'sync.resolve': (input, ctx) => resolveConflict(ctx, input.changeId),
} satisfies HandlerGroup;

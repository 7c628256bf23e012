import type { SyncConflict, SyncRun, SyncStatus } from '@shared/api/contract-sync';
import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { foldKey } from '@shared/sync/fold';
import type { HandlerContext } from '../context';
import { changesOf } from '../store/change-log';
import { withWorkspaceExtension } from '../workspace/files';
import { createWorkspaceFile } from '../workspace/lifecycle';
import { joinSpace, shareWorkspace, syncWorkspace, type SyncEnv, type SyncOutcome } from './engine';
import { conflictKeys, outboxSize, readLink, stampStatements } from './link';
import { openSpace, setMember } from './remote';
import { checkSchema, connect, explain, initServer, serverLabel, SyncError } from './server';
import { asFoldEvent } from './stamp';

// The sync API's work (handlers/sync.ts): each call's failure as an ApiError the page and the
// command line show as they are; what a sync changed announced like any other write.

const OFFLINE = new Set(['UNREACHABLE', 'CONNECTION_LOST']);

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncError) {
      if (error.code === 'BAD_ADDRESS')
        throw new ApiError({ code: 'VALIDATION', field: 'url', message: error.message });
      throw new ApiError({
        code: OFFLINE.has(error.code) ? 'SYNC_OFFLINE' : 'SYNC_REFUSED',
        message: error.message,
      });
    }
    throw error;
  }
}

function envOf(ctx: HandlerContext): SyncEnv {
  return { device: ctx.deviceId(), now: () => new Date(ctx.now()) };
}

function announce(ctx: HandlerContext, outcome: SyncOutcome): SyncRun {
  if (outcome.kinds.length > 0)
    ctx.events.emit('changed', { entities: outcome.kinds, scorecardIds: null });
  const { kinds: _kinds, ...run } = outcome;
  return { ...run, lastError: null };
}

export function initSyncServer(url: string) {
  return translated(async () => ({ server: serverLabel(url), ...(await initServer(url)) }));
}

export function setSpaceMember(input: {
  url: string;
  space: string;
  member: string;
  role: 'owner' | 'editor' | 'viewer' | null;
}): Promise<null> {
  return translated(async () => {
    const client = await connect(input.url);
    try {
      await checkSchema(client, input.url);
      await setMember(client, input.space, input.member, input.role);
      return null;
    } catch (error) {
      throw explain(error, input.url);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
}

export function share(ctx: HandlerContext, url: string, space: string): Promise<SyncRun> {
  const workspace = ctx.workspace();
  return translated(async () =>
    announce(ctx, await shareWorkspace(workspace, url, space, envOf(ctx))),
  );
}

export function runSync(ctx: HandlerContext, url: string | undefined): Promise<SyncRun> {
  const { db } = ctx.workspace();
  return translated(async () => announce(ctx, await syncWorkspace(db, url, envOf(ctx))));
}

/**
 * A new file for a space. The space is checked first, so a refusal leaves no file behind; a
 * join cut off later leaves a linked file that the next sync completes.
 */
export function join(
  ctx: HandlerContext,
  input: { url: string; space: string; path: string },
): Promise<{ workspace: WorkspaceInfo; sync: SyncRun }> {
  return translated(async () => {
    const client = await connect(input.url);
    try {
      await checkSchema(client, input.url);
      await openSpace(client, input.space);
    } catch (error) {
      throw explain(error, input.url);
    } finally {
      await client.end().catch(() => undefined);
    }
    const created = createWorkspaceFile(
      withWorkspaceExtension(input.path),
      input.space,
      ctx.fileEnv(),
    );
    ctx.switchTo(created);
    const outcome = await joinSpace(created.db, input.url, input.space, envOf(ctx));
    return { workspace: ctx.remember(created), sync: announce(ctx, outcome) };
  });
}

export function syncStatus(ctx: HandlerContext): SyncStatus | null {
  const { db } = ctx.workspace();
  const link = readLink(db);
  if (link === null) return null;
  return {
    server: link.server,
    space: link.space,
    lastSyncedAt: link.lastSyncedAt,
    waiting: outboxSize(db),
    conflicts: conflictKeys(db).length,
    lastError: link.lastError,
  };
}

export function listConflicts(ctx: HandlerContext): SyncConflict[] {
  const { db } = ctx.workspace();
  const stamps = stampStatements(db);
  const changesFor = changesOf(db);
  return conflictKeys(db).map(({ entity, entityId }) => {
    const keyStamps = stamps.ofKey(entity, entityId);
    const byId = new Map(keyStamps.map((stamp) => [stamp.changeId, stamp]));
    const changes = new Map(changesFor(entity, entityId).map((change) => [change.id, change]));
    const { winner, heads } = foldKey(keyStamps.map(asFoldEvent));
    return {
      entity,
      entityId,
      sides: heads.map((head) => {
        const change = changes.get(head.id);
        return {
          changeId: head.id,
          value: change?.newJson == null ? null : (JSON.parse(change.newJson) as unknown),
          author: byId.get(head.id)?.author ?? null,
          deviceId: change?.deviceId ?? '',
          at: change?.at ?? '',
          current: head.id === winner.id,
        };
      }),
    };
  });
}

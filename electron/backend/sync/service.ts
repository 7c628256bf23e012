import type { SyncConflict, SyncRun } from '@shared/api/contract-sync';
import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { foldKey } from '@shared/sync/fold';
import type { HandlerContext } from '../context';
import { restoreValue } from '../services/audit';
import { changesOf } from '../store/change-log';
import { uniqueWorkspacePath, withWorkspaceExtension } from '../workspace/files';
import { createWorkspaceFile } from '../workspace/lifecycle';
import { joinSpace, shareWorkspace, syncWorkspace, type SyncEnv, type SyncOutcome } from './engine';
import type { Attempt } from './activity';
import { passwordIn, withPassword } from './credentials';
import { conflictKeys, readLink, stampStatements } from './link';
import { waitingToSend } from './pending';
import { openSpace, setMember } from './remote';
import {
  checkSchema,
  connect,
  explain,
  initServer,
  serverLabel,
  SyncError,
  withoutPassword,
  type SyncErrorCode,
} from './server';
import { asFoldEvent, stampNewChanges } from './stamp';

// The sync API's work (handlers/sync.ts): each call's failure as an ApiError the page and the
// command line show as they are; what a sync changed announced like any other write.

const OFFLINE = new Set(['UNREACHABLE', 'CONNECTION_LOST']);

/** The form field a refusal is about, so a dialog shows it next to that field. */
const FIELD_OF: Partial<Record<SyncErrorCode, string>> = {
  BAD_ADDRESS: 'url',
  UNREACHABLE: 'url',
  NO_DATABASE: 'url',
  NO_SCHEMA: 'url',
  NEWER_SCHEMA: 'url',
  LOGIN: 'password',
  NO_SPACE: 'space',
  SPACE_EXISTS: 'space',
  FORBIDDEN: 'space',
};

function attemptOf(error: unknown): Attempt {
  if (!(error instanceof SyncError)) return 'failed';
  if (OFFLINE.has(error.code)) return 'offline';
  return error.code === 'LOGIN' ? 'password-needed' : 'failed';
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncError) {
      if (error.code === 'BAD_ADDRESS')
        throw new ApiError({ code: 'VALIDATION', field: 'url', message: error.message });
      const field = FIELD_OF[error.code];
      throw new ApiError({
        code: OFFLINE.has(error.code) ? 'SYNC_OFFLINE' : 'SYNC_REFUSED',
        message: error.message,
        ...(field === undefined ? {} : { field }),
      });
    }
    throw error;
  }
}

/** Runs a sync of the workspace at `path`, telling the activity (and so the page) how it went. */
async function tracked<T>(ctx: HandlerContext, path: string, work: () => Promise<T>): Promise<T> {
  ctx.syncActivity.began(path);
  let attempt: Attempt = 'failed';
  try {
    const result = await work();
    attempt = 'ok';
    return result;
  } catch (error) {
    attempt = attemptOf(error);
    throw error;
  } finally {
    ctx.syncActivity.finished(path, attempt);
  }
}

/** Keeps a password that worked, for the background sync; forgets one that was refused. */
async function remembering<T>(
  ctx: HandlerContext,
  url: string,
  work: () => Promise<T>,
): Promise<T> {
  const server = withoutPassword(url);
  const password = passwordIn(url);
  try {
    const result = await work();
    if (password !== null) ctx.credentials.set(server, password);
    return result;
  } catch (error) {
    if (error instanceof SyncError && error.code === 'LOGIN') ctx.credentials.delete(server);
    throw error;
  }
}

function envOf(ctx: HandlerContext, space?: string): SyncEnv {
  const env: SyncEnv = { device: ctx.deviceId(), now: () => new Date(ctx.now()) };
  // A share or a join can take seconds: its dialog follows the pages as they go (id: the space).
  if (space !== undefined)
    env.onProgress = ({ phase, done }) => {
      ctx.events.emit('progress', {
        job: 'sync',
        id: space,
        phase: phase === 'push' ? 'sending' : 'receiving',
        done,
        total: null,
      });
    };
  return env;
}

function announce(ctx: HandlerContext, outcome: SyncOutcome): SyncRun {
  if (outcome.kinds.length > 0)
    ctx.events.emit('changed', { entities: outcome.kinds, scorecardIds: null });
  const { kinds: _kinds, ...run } = outcome;
  return {
    ...run,
    waiting: waitingToSend(ctx.workspace().db),
    lastError: null,
    state: 'idle',
    nextTryAt: null,
  };
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
  return translated(() =>
    tracked(ctx, workspace.path, () =>
      remembering(ctx, url, async () =>
        announce(ctx, await shareWorkspace(workspace, url, space, envOf(ctx, space))),
      ),
    ),
  );
}

/**
 * The address to sync with: the one given, the file's with the password given, or the file's
 * with the password kept for it (none kept: the server may not need one, or says it does).
 */
function addressFor(ctx: HandlerContext, input: { url?: string; password?: string }) {
  const link = readLink(ctx.workspace().db);
  if (input.url !== undefined || link === null) return input.url;
  const password = input.password ?? ctx.credentials.get(link.server);
  return password === null ? undefined : withPassword(link.server, password);
}

export function runSync(
  ctx: HandlerContext,
  input: { url?: string; password?: string },
): Promise<SyncRun> {
  const workspace = ctx.workspace();
  const { db } = workspace;
  const url = addressFor(ctx, input);
  return translated(() =>
    tracked(ctx, workspace.path, async () => {
      const run = async () => announce(ctx, await syncWorkspace(db, url, envOf(ctx)));
      return url === undefined ? run() : remembering(ctx, url, run);
    }),
  );
}

/**
 * A new file for a space. The space is checked first, so a refusal leaves no file behind; a
 * join cut off later leaves a linked file that the next sync completes.
 */
export function join(
  ctx: HandlerContext,
  input: { url: string; space: string; path?: string | undefined },
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
    const path =
      input.path === undefined
        ? uniqueWorkspacePath(ctx.options.workspacesDir, input.space)
        : withWorkspaceExtension(input.path);
    const created = createWorkspaceFile(path, input.space, ctx.fileEnv());
    ctx.switchTo(created);
    const outcome = await tracked(ctx, created.path, () =>
      remembering(ctx, input.url, () =>
        joinSpace(created.db, input.url, input.space, envOf(ctx, input.space)),
      ),
    );
    return { workspace: ctx.remember(created), sync: announce(ctx, outcome) };
  });
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

/**
 * Keeps one side of a conflict: for a value, that side's value written again through the value
 * store (logged like any edit, restorable). Stamped at once, with every side as its base, so
 * the conflict is settled here now and everywhere once it is sent.
 */
export function resolveConflict(ctx: HandlerContext, changeId: string): { conflicts: number } {
  const workspace = ctx.workspace();
  const conflict = listConflicts(ctx).find((c) => c.sides.some((s) => s.changeId === changeId));
  if (conflict === undefined)
    throw new ApiError({
      code: 'NOT_FOUND',
      field: 'changeId',
      message: 'That edit is not one side of a conflict to review (it may be settled already).',
    });
  if (conflict.entity !== 'value')
    throw new ApiError({
      code: 'VALIDATION',
      field: 'changeId',
      message: `Conflicts on a ${conflict.entity.replace('_', ' ')} are settled by editing it: the edit keeps what you choose.`,
    });
  restoreValue(
    workspace,
    { enteredBy: ctx.userName(), enteredAt: ctx.now() },
    { changeId, version: 'after' },
  );
  stampNewChanges(workspace.db, ctx.deviceId());
  return { conflicts: conflictKeys(workspace.db).length };
}

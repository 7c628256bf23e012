import { contract, isMethodName, type MethodName } from '@shared/api/contract';
import { ApiError, type ApiResult } from '@shared/api/errors';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import type { HandlerContext } from './context';
import { checkFiles } from './files/method-files';
import { changedEvent } from './services/changed-scorecards';
import { sqliteCode } from './workspace/connection';
import { zodValidationError } from './validation';
import type { Workspace } from './workspace/workspace';

// The backend's one public face: (method, params) → result envelope. Every call is validated
// against the contract before a handler runs, and calls run one at a time, so an awaited step
// (an online backup) never interleaves with another call's writes. Calls that wait on a sync
// server are the exception: they run in a lane of their own (see NETWORK).

/** Methods that work with no workspace open; every other one answers NO_WORKSPACE. */
const WITHOUT_WORKSPACE: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  // This computer's settings: the start screen follows the chosen locale and theme too.
  'settings.get',
  'settings.update',
  'workspace.create',
  'workspace.open',
  'workspace.openSample',
  'workspace.close',
  'workspace.current',
  'workspace.recent',
  'workspace.forgetRecent',
  'workspace.listFiles',
  // The library and templates: browsed, and a workspace made from a template, from the start
  // screen; a consultant's own templates are kept per computer, not per workspace.
  'library.list',
  'template.list',
  'template.createWorkspace',
  'template.export',
  'template.import',
  'template.delete',
  // Into a new workspace: the consultant's case on a fresh machine (the handler asks for the
  // open workspace itself when importing into it).
  'package.import',
  // Team sync from the start screen: set a server up, manage members, join into a new file.
  'sync.initServer',
  'sync.setMember',
  'sync.join',
  // Reminders span every recent workspace, open or not.
  'reminders.inbox',
  'reminders.claimDue',
  'reminders.markDone',
  'reminders.dismiss',
  'reminders.snooze',
  'reminders.dismissNote',
  'reminders.preferences',
  'reminders.setPreferences',
]);

/**
 * Calls that wait on a sync server, for seconds when it is slow or away. They run one at a time
 * beside the queue, so the user keeps typing values meanwhile: their local steps (stamping,
 * applying a pulled page) are synchronous SQLite transactions that no other call can interleave
 * with, and they start only once the calls before them have finished.
 */
const NETWORK: ReadonlySet<MethodName> = new Set<MethodName>([
  'sync.initServer',
  'sync.setMember',
  'sync.share',
  'sync.join',
  'sync.run',
]);

/**
 * Calls that close, replace or lend the open workspace's connection: they wait for the network
 * calls before them, whose next local step needs that connection.
 */
const REPLACES_WORKSPACE: ReadonlySet<MethodName> = new Set<MethodName>([
  'workspace.create',
  'workspace.open',
  'workspace.openSample',
  'workspace.close',
  'template.createWorkspace',
  'package.import',
  'backup.restore',
  'import.start',
  'import.restart',
  'import.apply',
  'export.values',
]);

/** What still answers while an import holds the workspace file (lent to its worker thread). */
const DURING_IMPORT: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  // This computer's settings: the start screen follows the chosen locale and theme too.
  'settings.get',
  'settings.update',
  'import.status',
  'import.restart',
  'import.apply',
  'import.cancel',
]);

type AnyHandler = (input: unknown, ctx: HandlerContext) => unknown;

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error: error.toBody() };
}

/** Errors the user can act on even though no handler foresaw them. */
function environmentError(error: unknown): ApiError | null {
  const code = sqliteCode(error);
  if (code === 'SQLITE_FULL')
    return new ApiError({ code: 'FILE_ERROR', message: 'The disk is full; nothing was saved.' });
  if (code?.startsWith('SQLITE_READONLY'))
    return new ApiError({
      code: 'FILE_ERROR',
      message: 'The workspace file cannot be written (it is read-only); nothing was saved.',
    });
  return null;
}

/** The handler of a method, loaded when first called (handlers/registry.ts). */
export type HandlerSource = (method: MethodName) => Promise<unknown>;

export function createDispatcher(handlerFor: HandlerSource, ctx: HandlerContext) {
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Tells the page what the call changed, from what it wrote to the change log (every write goes
   * through it) and whether another workspace is now open. A failed call may have logged inside
   * a transaction that rolled back: a needless refresh is harmless, a missed one is not.
   */
  function announce(before: Workspace | null): void {
    const open = ctx.current();
    const openAfter = open?.path ?? null;
    if (openAfter !== (before?.path ?? null)) ctx.events.emit('workspace', { path: openAfter });
    if (!open || open.isLent()) return;
    const touched = open.changes.takeTouched();
    // The same file opened again (a backup restored in its place): anything in it may differ.
    if (before !== null && open !== before && openAfter === before.path)
      ctx.events.emit('changed', { entities: [...CHANGE_ENTITIES], scorecardIds: null });
    else {
      const changed = changedEvent(open.db, touched);
      if (changed) ctx.events.emit('changed', changed);
    }
  }

  async function run(method: string, params: unknown): Promise<ApiResult<unknown>> {
    const openBefore = ctx.current();
    try {
      return await runChecked(method, params);
    } finally {
      announce(openBefore);
    }
  }

  async function runChecked(method: string, params: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method))
      return failure(
        new ApiError({ code: 'UNKNOWN_METHOD', message: `There is no API method "${method}".` }),
      );
    try {
      if (ctx.imports.active && !DURING_IMPORT.has(method))
        return failure(
          new ApiError({
            code: 'BUSY',
            message: 'An import is using the workspace; wait for it to finish or cancel it.',
          }),
        );
      const parsed = contract[method].input.safeParse(params);
      if (!parsed.success) return failure(zodValidationError(parsed.error, params, method));
      checkFiles(ctx.options.fileAccess, method, parsed.data, () =>
        ctx.recent.list().map((entry) => entry.path),
      );
      if (!WITHOUT_WORKSPACE.has(method)) ctx.workspace();
      const handler = (await handlerFor(method)) as AnyHandler;
      const data = await handler(parsed.data, ctx);
      return { ok: true, data: data ?? null };
    } catch (error) {
      if (error instanceof ApiError) return failure(error);
      const known = environmentError(error);
      if (known) return failure(known);
      ctx.options.log?.(`Unexpected error in ${method}`, error);
      return failure(
        new ApiError({
          code: 'INTERNAL',
          message: 'Something went wrong inside the app. The details were logged.',
        }),
      );
    }
  }

  // Each call waits only for calls made before it, so the two chains cannot wait on each other.
  let network: Promise<unknown> = Promise.resolve();

  return function dispatch(method: string, params: unknown): Promise<ApiResult<unknown>> {
    if ((NETWORK as ReadonlySet<string>).has(method)) {
      const before = queue;
      const result = network.then(() => before).then(() => run(method, params));
      network = result.catch(() => undefined);
      return result;
    }
    const waitFor = (REPLACES_WORKSPACE as ReadonlySet<string>).has(method)
      ? Promise.all([queue, network])
      : queue;
    const result = waitFor.then(() => run(method, params));
    queue = result.catch(() => undefined);
    return result;
  };
}

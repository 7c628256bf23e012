import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MethodName, MethodOutput, MethodParams } from '@shared/api/contract';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { unrestrictedFileAccess } from '../backend/index';
import type { Backend } from '../backend/platform';
import type { CliContext } from './context';
import { ApiFailure, fromApiFailure } from './errors';

// One command's backend: the app's own, driven through its one public face (dispatch), with a
// data folder of its own that is deleted afterwards, so a command never changes the app's
// recent list, settings or reminder inbox. Opening a workspace takes its lock the way the app
// does, so a file open in the app is refused with the app's own message.

export interface Session {
  backend: Backend;
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodOutput<M>>;
}

/** Runs `work` with a fresh backend and always closes it (releasing any lock). */
export async function withBackend<T>(
  ctx: CliContext,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpis-cli-'));
  const backend = ctx.createBackend({
    mode: 'browser',
    appVersion: ctx.appVersion,
    dataDir,
    workspacesDir: join(dataDir, 'workspaces'),
    samplePath: ctx.samplePath,
    importWorkerPath: ctx.importWorkerPath,
    userName: ctx.userName,
    // The person typing the command names files on their own machine, like any command does.
    fileAccess: unrestrictedFileAccess,
    // Its data folder is thrown away after the command: a daily backup there would be a
    // wasted copy of the workspace (the app takes it when it opens the file).
    automaticBackups: false,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
    log: (message, error) => {
      ctx.stderr.write(`${message}${error === undefined ? '' : ` ${describe(error)}`}\n`);
    },
  });
  const session: Session = {
    backend,
    call: async (method, params) => {
      const result = await backend.dispatch(method, params);
      if (!result.ok) throw new ApiFailure(method, result.error);
      return result.data as MethodOutput<typeof method>;
    },
  };
  try {
    return await work(session);
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Opens FILE as the app opens it (lock, version check, upgrade with a backup). */
export async function openWorkspace(
  ctx: CliContext,
  session: Session,
  file: string,
): Promise<WorkspaceInfo> {
  try {
    return await session.call('workspace.open', { path: resolve(ctx.cwd, file) });
  } catch (error) {
    if (error instanceof ApiFailure) {
      const hint =
        error.body.code === 'FILE_ERROR' && /does not exist/u.test(error.body.message)
          ? 'Check the path, or make a workspace with: kpis new FILE.kpis'
          : undefined;
      throw fromApiFailure(error, hint);
    }
    throw error;
  }
}

/** Runs a call and turns a refusal into the user's one-line message. */
export async function attempt<T>(work: () => Promise<T>, hint?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiFailure) throw fromApiFailure(error, hint);
    throw error;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

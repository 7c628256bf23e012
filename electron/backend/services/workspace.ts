import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import type { HandlerContext } from '../context';
import { dailyBackup } from './backups';
import { loadSample, seedSample } from '../sample';
import { updateMeta } from '../store/meta';
import { fileLabel, lockedError } from '../workspace/connection';
import { uniqueWorkspacePath, withWorkspaceExtension } from '../workspace/files';
import {
  createWorkspaceFile,
  openWorkspaceFile,
  requireAbsolutePath,
} from '../workspace/lifecycle';
import { canonicalPath, isHeldInProcess } from '../workspace/registry';
import type { MetaKey } from '../workspace/workspace';

// Workspace files: create, open (the sample too), save a copy, and the workspace's own
// settings (name, fiscal year).

export function createWorkspace(
  ctx: HandlerContext,
  input: { name: string; path?: string | undefined },
): WorkspaceInfo {
  const path =
    input.path === undefined
      ? uniqueWorkspacePath(ctx.options.workspacesDir, input.name)
      : withWorkspaceExtension(input.path);
  return ctx.switchTo(createWorkspaceFile(path, input.name, ctx.fileEnv()));
}

export async function openWorkspace(ctx: HandlerContext, path: string): Promise<WorkspaceInfo> {
  const open = ctx.current();
  if (open && canonicalPath(open.path) === canonicalPath(path)) return ctx.switchTo(open);
  const info = ctx.switchTo(await openWorkspaceFile(path, ctx.fileEnv()));
  await dailyBackup(ctx);
  return info;
}

/** The shipped sample, written into a new workspace file each time. */
export function openSample(ctx: HandlerContext): WorkspaceInfo {
  const sample = loadSample(ctx.options.samplePath);
  const path = uniqueWorkspacePath(ctx.options.workspacesDir, sample.workspace.name);
  const workspace = createWorkspaceFile(path, sample.workspace.name, ctx.fileEnv(), (created) => {
    seedSample(created, sample, ctx.userName(), ctx.now());
  });
  return ctx.switchTo(workspace);
}

export function changeMeta(ctx: HandlerContext, key: MetaKey, value: string): WorkspaceInfo {
  const workspace = ctx.workspace();
  workspace.db.transaction(() => {
    updateMeta(workspace, key, value);
  })();
  return ctx.remember(workspace);
}

export async function saveCopy(ctx: HandlerContext, requested: string): Promise<{ path: string }> {
  const workspace = ctx.workspace();
  requireAbsolutePath(requested);
  const target = withWorkspaceExtension(requested);
  if (canonicalPath(target) === canonicalPath(workspace.path))
    throw new ApiError({
      code: 'CONFLICT',
      field: 'path',
      message: `${fileLabel(target)} is the open workspace itself; choose another name for the copy.`,
    });
  if (isHeldInProcess(target)) throw lockedError(target);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `The folder "${folder}" does not exist.`,
    });
  if (existsSync(target) && statSync(target).isDirectory())
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `"${target}" is a folder; choose a file name for the copy.`,
    });
  // Online backup into a temporary file, renamed into place when complete: a consistent copy
  // that includes what is still in the WAL, and never a half-written file under the user's name.
  const temp = `${target}.${process.pid}.copy-tmp`;
  try {
    await workspace.db.backup(temp);
    renameSync(temp, target);
  } catch (error) {
    for (const leftover of [temp, `${temp}-journal`])
      try {
        unlinkSync(leftover);
      } catch {
        // Not there.
      }
    throw new ApiError({
      code: 'FILE_ERROR',
      message: `The copy could not be written to "${target}" (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  return { path: target };
}

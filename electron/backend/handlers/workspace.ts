import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import type { HandlerContext } from '../context';
import { loadSample, seedSample } from '../sample';
import { fileLabel, lockedError } from '../workspace/connection';
import {
  listWorkspaceFiles,
  uniqueWorkspacePath,
  withWorkspaceExtension,
} from '../workspace/files';
import {
  createWorkspaceFile,
  openWorkspaceFile,
  requireAbsolutePath,
} from '../workspace/lifecycle';
import { canonicalPath, isHeldInProcess } from '../workspace/registry';
import { writeMeta, type MetaKey } from '../workspace/workspace';
import { dailyBackup } from './backups';
import type { HandlerGroup } from './types';

// Workspace files: create, open, close, recent list, save a copy, and the workspace's own
// settings (name, fiscal year).

function changeMeta(ctx: HandlerContext, key: MetaKey, value: string): WorkspaceInfo {
  const workspace = ctx.workspace();
  const { db, changes } = workspace;
  db.transaction(() => {
    const before = workspace.meta();
    writeMeta(db, key, value);
    changes.recordUpdate('workspace', before.id, before, workspace.meta());
  })();
  return ctx.remember(workspace);
}

async function saveCopy(ctx: HandlerContext, requested: string): Promise<{ path: string }> {
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

export const workspaceHandlers = {
  'workspace.create': (input, ctx) => {
    const path =
      input.path === undefined
        ? uniqueWorkspacePath(ctx.options.workspacesDir, input.name)
        : withWorkspaceExtension(input.path);
    return ctx.switchTo(createWorkspaceFile(path, input.name, ctx.fileEnv()));
  },

  'workspace.open': async (input, ctx) => {
    const open = ctx.current();
    if (open && canonicalPath(open.path) === canonicalPath(input.path)) return ctx.switchTo(open);
    const info = ctx.switchTo(await openWorkspaceFile(input.path, ctx.fileEnv()));
    await dailyBackup(ctx);
    return info;
  },

  'workspace.openSample': (_input, ctx) => {
    const sample = loadSample(ctx.options.samplePath);
    const path = uniqueWorkspacePath(ctx.options.workspacesDir, sample.workspace.name);
    const workspace = createWorkspaceFile(path, sample.workspace.name, ctx.fileEnv(), (created) => {
      seedSample(created, sample, ctx.options.userName, ctx.now());
    });
    return ctx.switchTo(workspace);
  },

  'workspace.close': (_input, ctx) => {
    ctx.closeCurrent();
    return null;
  },

  'workspace.current': (_input, ctx) => ctx.current()?.info() ?? null,

  'workspace.rename': (input, ctx) => changeMeta(ctx, 'name', input.name),

  'workspace.setFiscalYearStart': (input, ctx) =>
    changeMeta(ctx, 'fiscal_year_start_month', String(input.month)),

  'workspace.recent': (_input, ctx) => ctx.recent.list(),

  'workspace.forgetRecent': (input, ctx) => ctx.recent.forget(input.path),

  'workspace.listFiles': (_input, ctx) => listWorkspaceFiles(ctx.options.workspacesDir),

  'workspace.saveCopy': (input, ctx) => saveCopy(ctx, input.path),
} satisfies HandlerGroup;

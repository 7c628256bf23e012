import { rmSync } from 'node:fs';
import type { WorkspaceInfo } from '@shared/domain/entities';
import {
  backupFile,
  backupFolder,
  backupIfDue,
  listBackups,
  replaceWorkspaceFile,
  takeBackup,
} from '../backups/backup-store';
import type { HandlerContext } from '../context';
import { openWorkspaceFile } from '../workspace/lifecycle';
import type { Workspace } from '../workspace/workspace';

// Listing and restoring the open workspace's automatic backups (backups/backup-store.ts).

function folderOf(ctx: HandlerContext, workspace: Workspace): string {
  return backupFolder(ctx.options.dataDir, workspace.info().id);
}

/** After a workspace is opened: the day's backup, if not taken yet. Never fails the open. */
export async function dailyBackup(ctx: HandlerContext): Promise<void> {
  const workspace = ctx.current();
  if (!workspace || ctx.options.automaticBackups === false) return;
  try {
    await backupIfDue(workspace, folderOf(ctx, workspace), ctx.now());
  } catch (error) {
    ctx.options.log?.('The daily backup could not be taken', error);
  }
}

/** Puts a backup in place of the open workspace, after backing up what it holds now. */
export async function restoreBackup(ctx: HandlerContext, id: string): Promise<WorkspaceInfo> {
  const workspace = ctx.workspace();
  const folder = folderOf(ctx, workspace);
  const file = backupFile(folder, id);
  // The workspace as it is now, first: restoring this one undoes the restore.
  await takeBackup(workspace, folder, 'before-restore', ctx.now());
  const { path } = workspace;
  ctx.closeCurrent();
  try {
    // Closing checkpointed the WAL; anything left beside the file belongs to the old content,
    // which the backup just taken holds.
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    replaceWorkspaceFile(file, path);
  } finally {
    // Restored or not, the workspace is open again.
    ctx.switchTo(await openWorkspaceFile(path, ctx.fileEnv()));
  }
  return ctx.workspace().info();
}

export function backupsOf(ctx: HandlerContext): ReturnType<typeof listBackups> {
  return listBackups(folderOf(ctx, ctx.workspace()));
}

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '@shared/api/contract-backups';
import { ApiError } from '@shared/api/errors';
import { backupDue, backupsToKeep } from '@shared/backups/retention';
import type { Workspace } from '../workspace/workspace';

// Automatic backups of each workspace in the app's data folder, `backups/<workspace id>/`:
// at most one a day, taken with SQLite's online backup when the workspace is opened, kept
// 7 daily + 4 weekly (shared/backups/retention.ts). Restoring one first backs up the workspace
// as it is ("before restore"), so a restore can be undone by restoring that one.

type BackupKind = BackupInfo['kind'];

/** Backups taken before a restore that are kept (the newest), besides the daily ones. */
const BEFORE_RESTORE_KEPT = 5;
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|before-restore)\.kpis$/u;

export function backupFolder(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'backups', workspaceId.replace(/[^0-9a-zA-Z-]/gu, '_'));
}

function parseName(name: string): { takenAt: string; kind: BackupKind } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [date = '', time = ''] = (match[1] as string).split('T');
  return {
    takenAt: `${date}T${time.slice(0, 8).replace(/-/gu, ':')}.${time.slice(9, 12)}Z`,
    kind: match[2] as BackupKind,
  };
}

function fileNameOf(takenAt: string, kind: BackupKind): string {
  return `${takenAt.replace(/[:.]/gu, '-')}-${kind}.kpis`;
}

function counts(path: string): Pick<BackupInfo, 'scorecards' | 'kpis' | 'values'> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { scorecards: count('scorecards'), kpis: count('kpis'), values: count('kpi_values') };
  } finally {
    db.close();
  }
}

function entries(folder: string): { id: string; takenAt: string; kind: BackupKind }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((id) => {
    const parsed = parseName(id);
    return parsed ? [{ id, ...parsed }] : [];
  });
}

/** The backups of a workspace, newest first, with what each holds. */
export function listBackups(folder: string): BackupInfo[] {
  return entries(folder)
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))
    .flatMap((entry) => {
      const path = join(folder, entry.id);
      try {
        return [{ ...entry, sizeBytes: statSync(path).size, ...counts(path) }];
      } catch {
        return []; // unreadable: not offered for restore
      }
    });
}

/** Takes a backup now, into a temporary name renamed when complete; then prunes. */
export async function takeBackup(
  workspace: Workspace,
  folder: string,
  kind: BackupKind,
  now: string,
): Promise<string> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Never over an earlier backup (two in the same millisecond): the next free millisecond.
  let takenAt = now;
  while (existsSync(join(folder, fileNameOf(takenAt, kind))))
    takenAt = new Date(Date.parse(takenAt) + 1).toISOString();
  const path = join(folder, fileNameOf(takenAt, kind));
  const temp = `${path}.tmp`;
  try {
    await workspace.db.backup(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  prune(folder);
  return path;
}

function prune(folder: string): void {
  const all = entries(folder);
  const keep = backupsToKeep(all.filter((entry) => entry.kind === 'daily'));
  const restores = all
    .filter((entry) => entry.kind === 'before-restore')
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))
    .slice(0, BEFORE_RESTORE_KEPT);
  for (const entry of restores) keep.add(entry.id);
  for (const entry of all) if (!keep.has(entry.id)) rmSync(join(folder, entry.id), { force: true });
}

/** The daily backup, when none was taken today (UTC). */
export async function backupIfDue(workspace: Workspace, folder: string, now: string) {
  const newest = entries(folder)
    .filter((entry) => entry.kind === 'daily')
    .reduce<string | null>(
      (latest, e) => (latest === null || e.takenAt > latest ? e.takenAt : latest),
      null,
    );
  if (!backupDue(newest, now)) return null;
  return takeBackup(workspace, folder, 'daily', now);
}

/** The file of backup `id` in `folder`; NOT_FOUND unless it is one of the listed backups. */
export function backupFile(folder: string, id: string): string {
  if (!entries(folder).some((entry) => entry.id === id))
    throw new ApiError({
      code: 'NOT_FOUND',
      field: 'id',
      message: 'That backup no longer exists; choose one from the list.',
    });
  return join(folder, id);
}

/**
 * Puts the backup's content in place of the (closed) workspace file: copied next to it, then
 * renamed over it, so the file is either the old or the restored workspace, never half of one.
 */
export function replaceWorkspaceFile(backup: string, workspacePath: string): void {
  const temp = `${workspacePath}.${process.pid}.restore-tmp`;
  try {
    copyFileSync(backup, temp);
    renameSync(temp, workspacePath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

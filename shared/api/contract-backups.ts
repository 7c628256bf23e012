import { z } from 'zod';
import type { WorkspaceInfo } from '../domain/entities';
import { method } from './method';

// Automatic backups of the open workspace (electron/backend/backups/). Merged into the one
// contract in contract.ts.

export interface BackupInfo {
  /** The backup's id (its file name in the data folder). */
  id: string;
  /** 'before-restore': the workspace as it was just before a restore, to undo it. */
  kind: 'daily' | 'before-restore';
  /** ISO timestamp (UTC). */
  takenAt: string;
  sizeBytes: number;
  scorecards: number;
  kpis: number;
  values: number;
}

export const backupContract = {
  /** The open workspace's backups, newest first, with what each holds. */
  'backup.list': method<BackupInfo[]>()(z.strictObject({})),
  /**
   * Replaces the open workspace's content with a backup, after backing up the workspace as it
   * is (so the restore can be undone); returns the reopened workspace.
   */
  'backup.restore': method<WorkspaceInfo>()(
    z.strictObject({
      id: z
        .string({ error: 'Choose a backup from the list' })
        .max(100, { error: 'Choose a backup from the list' })
        .regex(/^[\w.-]+\.kpis$/u, { error: 'Choose a backup from the list' }),
    }),
  ),
} as const;

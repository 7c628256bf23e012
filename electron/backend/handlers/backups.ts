import { backupsOf, restoreBackup } from '../services/backups';
import type { HandlerGroup } from './types';

// Listing and restoring the open workspace's automatic backups.

export const backupHandlers = {
  'backup.list': (_input, ctx) => backupsOf(ctx),
  'backup.restore': (input, ctx) => restoreBackup(ctx, input.id),
} satisfies HandlerGroup;

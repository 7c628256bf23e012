import type { SyncStatus } from '@shared/api/contract-sync';
import { formatNumber, formatRelative } from '../app/locale';

// The sync status in words, for the top bar's button (short) and the panel (one line per
// fact). `kpis sync --json` prints the same fields.

/** The button's words: what needs the user's attention first. */
export function shortStatus(status: SyncStatus, now: number = Date.now()): string {
  switch (status.state) {
    case 'syncing':
      return 'Syncing…';
    case 'password-needed':
      return 'Password needed';
    case 'offline':
      return 'Offline';
    case 'failed':
      return 'Sync failed';
    case 'idle':
      break;
  }
  if (status.conflicts > 0) return `${formatNumber(status.conflicts)} to review`;
  if (status.lastSyncedAt === null) return 'Not synced yet';
  return `Synced ${formatRelative(status.lastSyncedAt, now)}`;
}

export function statusLines(status: SyncStatus, now: number = Date.now()): string[] {
  const lines = [
    `Space “${status.space}” on ${status.server}`,
    status.lastSyncedAt === null
      ? 'Not synced yet'
      : `Last synced ${formatRelative(status.lastSyncedAt, now)}`,
    `Waiting to send: ${formatNumber(status.waiting)}`,
    `Conflicts to review: ${formatNumber(status.conflicts)}`,
  ];
  if (status.state === 'offline')
    lines.push(
      status.nextTryAt === null
        ? 'The server cannot be reached.'
        : `The server cannot be reached; next try ${formatRelative(status.nextTryAt, now)}.`,
    );
  else if (status.state === 'password-needed')
    lines.push('The server asks for a password: enter it below and choose Sync now.');
  else if (status.nextTryAt !== null && status.state === 'idle')
    lines.push(`Next sync ${formatRelative(status.nextTryAt, now)}`);
  if (status.lastError !== null && status.state !== 'password-needed')
    lines.push(`Last error: ${status.lastError}`);
  return lines;
}

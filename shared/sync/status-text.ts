import type { SyncStatus } from '../api/contract-sync';

// The sync status in words, for the top bar's button (short) and the sync panel (one line per
// fact), in the user's locale. `kpis sync --json` prints the same fields.

/** How long ago (or how soon) a moment is: "2 minutes ago", "in 20 seconds". */
export function relativeTime(iso: string, now: number, locale: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(seconds, 'second');
}

/** A past moment; one a moment ahead (the host's clock against the page's) reads as "now". */
function ago(iso: string, now: number, locale: string): string {
  return relativeTime(iso, Math.max(now, Date.parse(iso)), locale);
}

/** The button's words: what needs the user's attention first. */
export function shortStatus(status: SyncStatus, now: number, locale: string): string {
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
  if (status.conflicts > 0) return `${status.conflicts.toLocaleString(locale)} to review`;
  if (status.lastSyncedAt === null) return 'Not synced yet';
  return `Synced ${ago(status.lastSyncedAt, now, locale)}`;
}

export function statusLines(status: SyncStatus, now: number, locale: string): string[] {
  const lines = [
    `Space “${status.space}” on ${status.server}`,
    status.lastSyncedAt === null
      ? 'Not synced yet'
      : `Last synced ${ago(status.lastSyncedAt, now, locale)}`,
    `Waiting to send: ${status.waiting.toLocaleString(locale)}`,
    `Conflicts to review: ${status.conflicts.toLocaleString(locale)}`,
  ];
  if (status.state === 'offline')
    lines.push(
      status.nextTryAt === null
        ? 'The server cannot be reached.'
        : `The server cannot be reached; next try ${relativeTime(status.nextTryAt, now, locale)}.`,
    );
  else if (status.state === 'password-needed')
    lines.push('The server asks for a password: enter it below and choose Sync now.');
  else if (status.nextTryAt !== null && status.state === 'idle')
    lines.push(`Next sync ${relativeTime(status.nextTryAt, now, locale)}`);
  if (status.lastError !== null && status.state !== 'password-needed')
    lines.push(`Last error: ${status.lastError}`);
  return lines;
}

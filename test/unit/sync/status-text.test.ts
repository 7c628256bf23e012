import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/api/contract-sync';
import { shortStatus, statusLines } from '@shared/sync/status-text';

// The sync status in words: what needs the user first on the button, every fact in the panel,
// times relative in the user's locale and never "in 5 seconds" for a sync that happened.

const NOW = Date.parse('2026-12-06T12:00:00Z');
const base: SyncStatus = {
  server: 'postgres://alice@db:5432/kpis',
  space: 'bakery',
  lastSyncedAt: '2026-12-06T11:58:00Z',
  waiting: 0,
  conflicts: 0,
  lastError: null,
  state: 'idle',
  nextTryAt: null,
};

describe('sync status in words', () => {
  it('says how long ago it synced, in the locale', () => {
    expect(shortStatus(base, NOW, 'en-GB')).toBe('Synced 2 minutes ago');
    expect(shortStatus(base, NOW, 'de-DE')).toBe('Synced vor 2 Minuten');
  });

  it('puts what needs the user first', () => {
    expect(shortStatus({ ...base, conflicts: 2 }, NOW, 'en-GB')).toBe('2 to review');
    expect(shortStatus({ ...base, conflicts: 2, state: 'offline' }, NOW, 'en-GB')).toBe('Offline');
    expect(shortStatus({ ...base, state: 'password-needed' }, NOW, 'en-GB')).toBe(
      'Password needed',
    );
    expect(shortStatus({ ...base, lastSyncedAt: null }, NOW, 'en-GB')).toBe('Not synced yet');
  });

  it('a sync stamped a moment ahead of the page reads as now', () => {
    expect(shortStatus({ ...base, lastSyncedAt: '2026-12-06T12:00:04Z' }, NOW, 'en-GB')).toBe(
      'Synced now',
    );
  });

  it('lists waiting, conflicts, the next try while offline and the last error', () => {
    const lines = statusLines(
      {
        ...base,
        waiting: 1234,
        conflicts: 1,
        state: 'offline',
        nextTryAt: '2026-12-06T12:00:20Z',
        lastError: 'Cannot reach the server db:5432/kpis',
      },
      NOW,
      'en-GB',
    );
    expect(lines).toEqual([
      'Space “bakery” on postgres://alice@db:5432/kpis',
      'Last synced 2 minutes ago',
      'Waiting to send: 1,234',
      'Conflicts to review: 1',
      'The server cannot be reached; next try in 20 seconds.',
      'Last error: Cannot reach the server db:5432/kpis',
    ]);
  });

  it('asks for the password rather than showing the refusal', () => {
    const lines = statusLines(
      { ...base, state: 'password-needed', lastError: 'refused' },
      NOW,
      'en-GB',
    );
    expect(lines.at(-1)).toMatch(/asks for a password/u);
    expect(lines.join(' ')).not.toMatch(/refused/u);
  });
});

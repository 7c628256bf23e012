import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLockedConnection } from '../../../electron/backend/workspace/connection';
import { makeBackend } from './helpers';

// A value the app called saved must survive a power cut, not only a crash of the app: every
// connection to a workspace syncs its WAL at each commit (synchronous = FULL, 2), also when a
// file written earlier is opened again, and the import worker's connection is made the same way.

describe('durability of a reopened workspace', () => {
  it('runs in WAL mode with synchronous = FULL after close and reopen', async () => {
    const t = makeBackend();
    const path = join(t.dir, 'Durable.kpis');
    await t.call('workspace.create', { name: 'Durable', path });
    await t.call('workspace.close', {});
    await t.call('workspace.open', { path });
    await t.call('workspace.close', {});

    const db = openLockedConnection(path, { create: false, nativeBinding: undefined });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
    // The backend reopens it afterwards as before.
    expect((await t.call('workspace.open', { path })).name).toBe('Durable');
  });
});

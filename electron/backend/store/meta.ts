import type { Tx } from './change-log';
import { readMeta, writeMeta, type MetaKey } from '../workspace/workspace';

// The workspace's own settings (name, fiscal year), changed with a 'workspace' log entry.

export function updateMeta({ db, changes }: Tx, key: MetaKey, value: string): void {
  const before = readMeta(db);
  writeMeta(db, key, value);
  changes.recordUpdate('workspace', before.id, before, readMeta(db));
}

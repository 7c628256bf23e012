import { existsSync } from 'node:fs';
import type { WorkspaceSnapshot } from '@shared/reminders/types';
import { isBusy } from '../workspace/connection';
import { checkSqliteHeader, withReadOnlyConnection } from '../workspace/guard';
import { APPLICATION_ID } from '../workspace/migrations';
import { readSnapshot } from './snapshot';

// Reads a recent workspace that is not the open one, for its reminders, without keeping it
// open or locked: the guard's read-only connection that lives for one read and leaves no side
// files. The file is never migrated or written; if another app holds it, the read is skipped.

export type ProbeResult =
  | { kind: 'read'; snapshot: WorkspaceSnapshot }
  | { kind: 'missing' }
  | { kind: 'busy' }
  | { kind: 'unreadable'; reason: string };

export function probeWorkspace(
  path: string,
  options: { maxVersion: number; nativeBinding: string | undefined; fromYear: number },
): ProbeResult {
  if (!existsSync(path)) return { kind: 'missing' };
  try {
    checkSqliteHeader(path);
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    return withReadOnlyConnection(path, options.nativeBinding, (db): ProbeResult => {
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
        return { kind: 'unreadable', reason: 'it is not a KPI Scorecard workspace' };
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version < 1 || version > options.maxVersion)
        return { kind: 'unreadable', reason: 'it was written by a newer version of the app' };
      return { kind: 'read', snapshot: readSnapshot(db, path, options.fromYear) };
    });
  } catch (error) {
    if (isBusy(error)) return { kind: 'busy' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

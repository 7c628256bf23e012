import Database from 'better-sqlite3';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import type { WorkspaceSnapshot } from '@shared/reminders/types';
import { isBusy } from '../workspace/connection';
import { checkSqliteHeader } from '../workspace/guard';
import { APPLICATION_ID, type Db } from '../workspace/migrations';
import { readSnapshot } from './snapshot';

// Reads a recent workspace that is not the open one, for its reminders, without keeping it
// open or locked: a read-only connection that lives for one read and is closed at once. The
// file is never migrated or written; if another app holds it, the read is skipped this time.

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
  // A read-only connection to a WAL file may create `-wal`/`-shm`; those we made go again, as
  // the open guard does, so reading for reminders leaves no trace next to the user's file.
  const sideFiles = [`${path}-wal`, `${path}-shm`];
  const existedBefore = sideFiles.map((file) => existsSync(file));
  let db: Db | undefined;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: 0,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      return { kind: 'unreadable', reason: 'it is not a KPI Scorecard workspace' };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > options.maxVersion)
      return { kind: 'unreadable', reason: 'it was written by a newer version of the app' };
    return { kind: 'read', snapshot: readSnapshot(db, path, options.fromYear) };
  } catch (error) {
    if (isBusy(error)) return { kind: 'busy' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
    sideFiles.forEach((file, index) => {
      if (existedBefore[index] || !existsSync(file)) return;
      try {
        // A non-empty WAL we did not find belongs to a writer: leave it alone.
        if (file.endsWith('-wal') && statSync(file).size > 0) return;
        unlinkSync(file);
      } catch {
        // Best effort: an empty side file is harmless to SQLite.
      }
    });
  }
}

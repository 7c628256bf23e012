import { ApiError } from '@shared/api/errors';
import type { WorkspaceInfo } from '@shared/domain/entities';
import { ChangeLog } from '../store/change-log';
import { openLockedConnection } from './connection';
import { schemaVersionOf } from './migrations';
import type { Db } from './connection';
import { releaseInProcess } from './registry';

// One open workspace file: its locked connection, its change log and its metadata.

export type MetaKey = 'id' | 'name' | 'created_at' | 'fiscal_year_start_month';

export interface WorkspaceMeta {
  id: string;
  name: string;
  createdAt: string;
  fiscalYearStartMonth: number;
}

export function writeMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function readMeta(db: Db): WorkspaceMeta {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM workspace_meta')
    .all();
  const meta = new Map(rows.map((row) => [row.key, row.value]));
  const month = Number(meta.get('fiscal_year_start_month') ?? '1');
  return {
    id: meta.get('id') ?? '',
    name: meta.get('name') ?? '',
    createdAt: meta.get('created_at') ?? '',
    fiscalYearStartMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
  };
}

export interface WorkspaceSetup {
  db: Db;
  path: string;
  lockKey: string;
  deviceId: string;
  now: () => string;
  migratedFrom: number | null;
  backupPath: string | null;
  nativeBinding?: string | undefined;
}

export class Workspace {
  readonly path: string;
  private connection: Db | null;
  private changeLog: ChangeLog | null;
  private readonly lockKey: string;
  private readonly migratedFrom: number | null;
  private readonly backupPath: string | null;
  private readonly setup: WorkspaceSetup;
  private closed = false;

  constructor(setup: WorkspaceSetup) {
    this.setup = setup;
    this.connection = setup.db;
    this.path = setup.path;
    this.lockKey = setup.lockKey;
    this.migratedFrom = setup.migratedFrom;
    this.backupPath = setup.backupPath;
    this.changeLog = new ChangeLog(setup.db, setup.deviceId, setup.now);
  }

  get db(): Db {
    if (this.connection === null) throw lentError();
    return this.connection;
  }

  get changes(): ChangeLog {
    if (this.changeLog === null) throw lentError();
    return this.changeLog;
  }

  get nativeBinding(): string | undefined {
    return this.setup.nativeBinding;
  }

  /** Whether the file is lent to the import worker right now. */
  isLent(): boolean {
    return this.connection === null && !this.closed;
  }

  /**
   * Closes our connection so the import worker can open the file on its own thread; the
   * in-process lock stays held, so no other window of this app can open it meanwhile.
   */
  lend(): void {
    if (this.connection === null) return;
    this.connection.close();
    this.connection = null;
    this.changeLog = null;
  }

  /** Opens the file again after the worker closed it. */
  reclaim(): void {
    if (this.closed || this.connection !== null) return;
    const db = openLockedConnection(this.path, {
      create: false,
      nativeBinding: this.setup.nativeBinding,
    });
    this.connection = db;
    this.changeLog = new ChangeLog(db, this.setup.deviceId, this.setup.now);
  }

  meta(): WorkspaceMeta {
    return readMeta(this.db);
  }

  info(): WorkspaceInfo {
    const meta = this.meta();
    return {
      path: this.path,
      name: meta.name,
      id: meta.id,
      schemaVersion: schemaVersionOf(this.db),
      fiscalYearStartMonth: meta.fiscalYearStartMonth,
      createdAt: meta.createdAt,
      migratedFrom: this.migratedFrom,
      backupPath: this.backupPath,
    };
  }

  isOpen(): boolean {
    return !this.closed;
  }

  /** Checkpoints the WAL into the file, releases the lock, and removes the `-wal` file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.connection?.close();
      this.connection = null;
    } finally {
      releaseInProcess(this.lockKey);
    }
  }
}

function lentError(): ApiError {
  return new ApiError({
    code: 'BUSY',
    message: 'An import is using the workspace; wait for it to finish or cancel it.',
  });
}

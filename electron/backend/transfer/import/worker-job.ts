import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportResult, ImportSummary } from '@shared/transfer/import-status';
import type { MatchableKpi } from '@shared/transfer/kpi-matcher';
import { ChangeLog } from '../../store/change-log';
import { listKpis } from '../../store/kpis';
import { openLockedConnection } from '../../workspace/connection';
import type { Db } from '../../workspace/migrations';
import { readMeta } from '../../workspace/workspace';
import { applyStaged } from './apply';
import type { ImportRequest } from './protocol';
import { readValues } from './read-file';
import { ImportStage } from './stage';

// One import on the worker thread, with the workspace file lent to it: read and stage the file
// (the dry run), then apply it or let it go. The connection is the worker's own, opened with
// the same pragmas and lock as the backend's.

const BATCH_ROWS = 5_000;

export class ImportCancelled extends Error {}

export class WorkerImport {
  private readonly db: Db;
  private cancelled = false;
  private summary: ImportSummary | null = null;
  private busy = false;

  constructor(
    private readonly request: ImportRequest,
    private readonly progress: (done: number, total: number, unit: 'bytes' | 'values') => void,
  ) {
    this.db = openLockedConnection(request.workspacePath, {
      create: false,
      nativeBinding: request.nativeBinding,
    });
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Reading or applying; otherwise waiting for the user's decision. */
  isBusy(): boolean {
    return this.busy;
  }

  private async running<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  read(totalBytes: number): Promise<ImportSummary> {
    return this.running(() => this.readAll(totalBytes));
  }

  private async readAll(totalBytes: number): Promise<ImportSummary> {
    const kpis: MatchableKpi[] = listKpis(this.db).map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      code: kpi.code,
      frequency: kpi.frequency,
      unitFormat: kpi.unit.format,
      formula: kpi.formula,
    }));
    const { source, newKpis } = this.request;
    const stage = new ImportStage(this.db, kpis, { kind: source.kind, sheet: source.sheet });
    const { unknownNames } = await readValues(
      {
        source,
        mapping: this.request.mapping,
        options: {
          numberLocale: this.request.numberLocale,
          dayFirst: this.request.dayFirst,
          fiscalYearStartMonth: readMeta(this.db).fiscalYearStartMonth,
        },
        kpis,
        unknownPolicy:
          newKpis === null
            ? { action: 'skip' }
            : { action: 'create', frequency: newKpis.frequency },
        batchSize: BATCH_ROWS,
      },
      {
        batch: async (read, bytesRead) => {
          stage.add(read);
          this.progress(bytesRead, totalBytes, 'bytes');
          // Lets a cancel message in between batches.
          await nextTurn();
          if (this.cancelled) throw new ImportCancelled('The import was cancelled.');
        },
      },
    );
    this.summary = stage.summarise(unknownNames);
    return this.summary;
  }

  apply(): Promise<ImportResult> {
    return this.running(() => this.applyAll());
  }

  private applyAll(): Promise<ImportResult> {
    const { request } = this;
    return applyStaged({
      db: this.db,
      changes: new ChangeLog(this.db, request.deviceId, () => request.nowIso),
      workspaceId: readMeta(this.db).id,
      fileName: request.fileName,
      enteredBy: request.enteredBy,
      enteredAt: request.nowIso,
      deviceId: request.deviceId,
      newKpis: request.newKpis,
      anyChanged: (this.summary?.changedValues ?? 1) > 0,
      isCancelled: () => this.cancelled,
      onProgress: (done, total) => this.progress(done, total, 'values'),
    });
  }

  /** Gives the file back: the temporary tables go with the connection. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ServerEvents } from '@shared/api/events';
import type { ImportResult, ImportSummary } from '@shared/transfer/import-status';
import type { RowsRead } from '@shared/transfer/value-rows';
import { changedEvent } from '../../services/changed-scorecards';
import { ChangeLog } from '../../store/change-log';
import { listMatchableKpis } from '../../store/kpis';
import { openLockedConnection } from '../../workspace/connection';
import type { Db } from '../../workspace/connection';
import { readMeta } from '../../workspace/workspace';
import { ImportWriter } from './import-writer';
import type { ImportRequest } from './protocol';
import { readValues, type ReadValuesRequest } from './read-file';
import { BatchPacker, readInThread, type ReadBatch } from './reader-thread';

// One import on the worker thread, with the workspace file lent to it: read the file and write
// its values in a transaction left open (the dry run), then commit it or roll it back. The
// connection is the worker's own, opened with the same pragmas and lock as the backend's.

const BATCH_ROWS = 20_000;

export class ImportCancelled extends Error {}

export class WorkerImport {
  private readonly db: Db;
  private cancelled = false;
  private busy = false;
  private writer: ImportWriter | null = null;
  /** What the read wrote (uncommitted), as the `changed` event the apply will announce. */
  private changed: ServerEvents['changed'] | null = null;

  /**
   * `readerScript`: the worker's own script, to parse the file on a second thread while this
   * one writes; left out, this thread does both (slower, for tests of the parts).
   */
  constructor(
    private readonly request: ImportRequest,
    private readonly progress: (done: number, total: number, unit: 'bytes' | 'values') => void,
    private readonly readerScript?: string,
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
    const kpis = listMatchableKpis(this.db);
    const { source, newKpis, deviceId, nowIso } = this.request;
    const changes = new ChangeLog(this.db, deviceId, () => nowIso);
    const writer = new ImportWriter({
      db: this.db,
      changes,
      kpis,
      location: { kind: source.kind, sheet: source.sheet },
      enteredBy: this.request.enteredBy,
      enteredAt: nowIso,
      source: this.request.fileName,
      newKpis,
      fractionsAsPercent: new Set(this.request.fractionsAsPercent),
    });
    this.writer = writer;
    const readRequest: ReadValuesRequest = {
      source,
      mapping: this.request.mapping,
      options: {
        numberLocale: this.request.numberLocale,
        dayFirst: this.request.dayFirst,
        fiscalYearStartMonth: readMeta(this.db).fiscalYearStartMonth,
      },
      kpis,
      unknownPolicy:
        newKpis === null ? { action: 'skip' } : { action: 'create', frequency: newKpis.frequency },
      batchSize: BATCH_ROWS,
    };
    const packer = new BatchPacker(kpis);
    const packed = (read: RowsRead, bytesRead: number): ReadBatch => ({
      ...packer.pack(read, bytesRead),
      periods: packer.periods,
    });
    const write = async (batch: ReadBatch, bytesRead: number): Promise<void> => {
      writer.add(batch);
      this.progress(bytesRead, totalBytes, 'bytes');
      // Lets a cancel message in between batches.
      await nextTurn();
      if (this.cancelled) throw new ImportCancelled('The import was cancelled.');
    };
    const { unknownNames } =
      // Parsing (papaparse, or the workbook reader of xlsx-source.ts) and writing each take a
      // good part of the time, so the file is parsed on a thread of its own while this one
      // writes: an import then takes about as long as the longer of the two.
      this.readerScript === undefined
        ? await readValues(readRequest, {
            batch: (read, bytes) => write(packed(read, bytes), bytes),
          })
        : await readInThread(this.readerScript, readRequest, { batch: write });
    writer.finish();
    // Worked out here, inside the import's transaction (KPIs it creates included), so neither
    // the apply nor the thread that serves the window reads the workspace's structure for it.
    this.changed = changedEvent(this.db, changes.takeTouched());
    return writer.summary(unknownNames);
  }

  apply(): Promise<{ result: ImportResult; changed: ServerEvents['changed'] | null }> {
    return this.running(() => {
      const writer = this.writer;
      if (!writer) throw new Error('There is nothing read to apply');
      if (this.cancelled) throw new ImportCancelled('The import was cancelled.');
      this.progress(0, 1, 'values');
      return Promise.resolve({ result: writer.commit(), changed: this.changed });
    });
  }

  /** Gives the file back; what was not committed is rolled back. */
  close(): void {
    if (!this.db.open) return;
    this.writer?.rollback();
    this.writer = null;
    this.db.close();
  }
}

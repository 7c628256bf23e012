import { Worker, type MessagePort } from 'node:worker_threads';
import type { MatchableKpi } from '@shared/transfer/kpi-matcher';
import type { SourceKind } from '@shared/transfer/table';
import type { ImportProblem, RowsRead, UnknownKpiName } from '@shared/transfer/value-rows';
import { ValueMappingError } from '@shared/transfer/value-rows';
import { FileProblem, readValues, type ReadValuesRequest } from './read-file';
import { READER_ROLE, type ReaderData } from './reader-role';

// The import's file is parsed on a thread of its own while the import worker writes what was
// parsed before: reading and writing each take about half the time, so a large import takes
// about half as long. Batches travel as typed columns (KPIs and periods as numbers), which cost
// next to nothing to pass between threads; at most two wait, so memory stays flat.

/** A value for a KPI the import creates, its period by index as the other values'. */
export interface NewKpiValue {
  name: string;
  periodIndex: number;
  value: number;
  comment: string | null;
  line: number;
}

/**
 * A batch of what was read, as columns, one entry per value: its KPI by its index in the
 * import's list of KPIs, its period by its index in the read's periods.
 */
interface Columns {
  kpiIndex: Int32Array;
  periodIndex: Int32Array;
  value: Float64Array;
  line: Int32Array;
  /** Null when no value in the batch has a comment (the common case). */
  comment: (string | null)[] | null;
  newKpiValues: NewKpiValue[];
  problems: ImportProblem[];
}

interface PackedBatch extends Columns {
  /** Periods first seen in this batch, in index order. */
  newPeriods: string[];
  bytesRead: number;
}

/**
 * What the import's writer is handed: the columns and every period read so far by index (the
 * list grows as the read goes on), so it never looks a KPI or a period up by its text.
 */
export interface ReadBatch extends Readonly<Columns> {
  periods: readonly string[];
}

type FromReader =
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'done'; unknownNames: UnknownKpiName[]; bytesRead: number }
  | { type: 'failed'; kind: 'file' | 'mapping' | 'other'; message: string };

const IN_FLIGHT = 2;

export interface BatchSink {
  batch(batch: ReadBatch, bytesRead: number): Promise<void>;
}

/** Turns what was read into columns, giving each period an index the first time it is seen. */
export class BatchPacker {
  private readonly kpiIndex: Map<string, number>;
  private readonly periodIndex = new Map<string, number>();
  /** Every period seen, by index. */
  readonly periods: string[] = [];

  /** `kpis`: the import's list of KPIs, whose indices the batches give. */
  constructor(kpis: readonly MatchableKpi[]) {
    this.kpiIndex = new Map(kpis.map((kpi, index) => [kpi.id, index]));
  }

  private indexOf(period: string, newPeriods: string[]): number {
    let index = this.periodIndex.get(period);
    if (index === undefined) {
      index = this.periods.length;
      this.periodIndex.set(period, index);
      this.periods.push(period);
      newPeriods.push(period);
    }
    return index;
  }

  pack(read: RowsRead, bytesRead: number): PackedBatch {
    const count = read.values.length;
    const newPeriods: string[] = [];
    const batch: PackedBatch = {
      kpiIndex: new Int32Array(count),
      periodIndex: new Int32Array(count),
      value: new Float64Array(count),
      line: new Int32Array(count),
      comment: null,
      newPeriods,
      newKpiValues: read.newKpiValues.map(({ period, ...entry }) => ({
        ...entry,
        periodIndex: this.indexOf(period, newPeriods),
      })),
      problems: read.problems,
      bytesRead,
    };
    read.values.forEach((entry, i) => {
      const kpi = this.kpiIndex.get(entry.kpiId);
      // The reader matches names against this very list.
      if (kpi === undefined) throw new Error("A value of a KPI not in the import's list");
      batch.kpiIndex[i] = kpi;
      batch.periodIndex[i] = this.indexOf(entry.period, newPeriods);
      batch.value[i] = entry.value;
      batch.line[i] = entry.line;
      if (entry.comment !== null) {
        batch.comment ??= new Array<string | null>(count).fill(null);
        batch.comment[i] = entry.comment;
      }
    });
    return batch;
  }
}

/** Runs in the reader thread: waits for the request to read. */
export function startReader(port: MessagePort): void {
  port.once('message', (message: { request: ReadValuesRequest }) => {
    void runReader(port, message.request);
  });
}

/** Reads the file and posts its batches, waiting for acks. */
async function runReader(port: MessagePort, request: ReadValuesRequest): Promise<void> {
  const packer = new BatchPacker(request.kpis);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    inFlight -= 1;
    const resolve = wake;
    wake = null;
    resolve?.();
  });
  try {
    const outcome = await readValues(request, {
      batch: async (read, bytesRead) => {
        while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
        inFlight += 1;
        const batch = packer.pack(read, bytesRead);
        port.postMessage({ type: 'batch', batch } satisfies FromReader, [
          batch.kpiIndex.buffer,
          batch.periodIndex.buffer,
          batch.value.buffer,
          batch.line.buffer,
        ] as ArrayBuffer[]);
      },
    });
    port.postMessage({ type: 'done', ...outcome } satisfies FromReader);
  } catch (error) {
    const kind =
      error instanceof FileProblem
        ? 'file'
        : error instanceof ValueMappingError
          ? 'mapping'
          : 'other';
    port.postMessage({
      type: 'failed',
      kind,
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromReader);
  }
}

function startReaderThread(scriptPath: string, kind: SourceKind | null): Worker {
  // Bounded like the import worker: whatever a file makes the parser hold, it stops this
  // thread (a clean "could not be read") before it grows the app.
  return new Worker(scriptPath, {
    workerData: { role: READER_ROLE, kind } satisfies ReaderData,
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
  });
}

/** A reader started ahead of the import (while the user looks at the first rows). */
let warm: { scriptPath: string; reader: Worker } | null = null;

/**
 * Starts the reader of the import that usually follows a first look at a file of `kind`, so
 * its thread (and that kind's parser) is loaded by the time the import starts. One at a time;
 * unused, it goes with the import worker.
 */
export function warmReader(scriptPath: string, kind: SourceKind | null): void {
  if (warm) return;
  const reader = startReaderThread(scriptPath, kind);
  reader.unref();
  // A reader that failed before it was used is simply not used.
  reader.once('error', () => {
    if (warm?.reader === reader) warm = null;
  });
  warm = { scriptPath, reader };
}

/**
 * Reads the file on a reader thread started from `scriptPath` (the import worker's own script)
 * and hands each batch to `sink` as `readValues` would. A sink that throws stops the reader.
 */
export function readInThread(
  scriptPath: string,
  request: ReadValuesRequest,
  sink: BatchSink,
): Promise<{ unknownNames: UnknownKpiName[]; bytesRead: number }> {
  const ready = warm?.scriptPath === scriptPath ? warm.reader : null;
  warm = null;
  const reader = ready ?? startReaderThread(scriptPath, request.source.kind);
  reader.ref();
  reader.postMessage({ request });
  const periods: string[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  return new Promise((resolve, reject) => {
    let settled = false;
    const end = (
      error: Error | null,
      value?: { unknownNames: UnknownKpiName[]; bytesRead: number },
    ) => {
      if (settled) return;
      settled = true;
      void reader.terminate();
      if (error) reject(error);
      else if (value) resolve(value);
    };
    reader.on('message', (message: FromReader) => {
      // In order: a batch is written before the next one, and before 'done' settles.
      chain = chain.then(async () => {
        if (settled) return;
        if (message.type === 'failed') {
          end(
            message.kind === 'file'
              ? new FileProblem(message.message)
              : message.kind === 'mapping'
                ? new ValueMappingError(message.message)
                : new Error(message.message),
          );
          return;
        }
        if (message.type === 'done') {
          end(null, { unknownNames: message.unknownNames, bytesRead: message.bytesRead });
          return;
        }
        const { batch } = message;
        for (const period of batch.newPeriods) periods.push(period);
        try {
          await sink.batch({ ...batch, periods }, batch.bytesRead);
          reader.postMessage('ack');
        } catch (error) {
          end(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    reader.on('error', (error) => {
      end(new Error(`The file could not be read (${error.message}).`));
    });
    reader.on('exit', (code) => {
      end(new Error(`The file reader stopped unexpectedly (exit code ${code}).`));
    });
  });
}

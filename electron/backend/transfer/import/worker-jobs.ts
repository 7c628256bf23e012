import { statSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { ApiError } from '@shared/api/errors';
import { ValueMappingError } from '@shared/transfer/value-rows';
import type { FromWorker, ToWorker } from './protocol';
import type { SourceKind } from '@shared/transfer/table';
import { FileProblem, inspectFile, readAllRows, sourceKindOf } from './read-file';
import { warmReader } from './reader-thread';
import { ImportCancelled, WorkerImport } from './worker-job';
import { openLockedConnection } from '../../workspace/connection';
import { writeValuesFile } from '../export/write-values';

// The import worker thread's work (worker.ts starts it). One worker serves one request: a first
// look at a file, or one import from reading to applying. It answers with messages and closes
// the workspace file before it reports the end, so the backend can open it again at once.

let port: MessagePort | null = null;
/** The worker's script, started again as the import's file reader (see reader-thread.ts). */
let ownScript = '';

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function messageOf(error: unknown): string {
  if (
    error instanceof FileProblem ||
    error instanceof ValueMappingError ||
    error instanceof ApiError
  )
    return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The import failed and nothing was changed (${detail}).`;
}

let job: WorkerImport | null = null;

/** The file's kind, or null for one the look will refuse (it says why). */
function kindOrNull(path: string): SourceKind | null {
  try {
    return sourceKindOf(path);
  } catch {
    return null;
  }
}

function finish(error: unknown): void {
  job?.close();
  job = null;
  if (error instanceof ImportCancelled) send({ type: 'cancelled', message: error.message });
  else send({ type: 'failed', message: messageOf(error) });
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'inspect':
      // The import usually follows: its file reader starts loading while this one looks.
      warmReader(ownScript, kindOrNull(message.request.path));
      send({ type: 'inspected', result: await inspectFile(message.request) });
      return;
    case 'rows':
      send({ type: 'rows', rows: await readAllRows(message.request) });
      return;
    case 'exportValues': {
      const { request } = message;
      const db = openLockedConnection(request.workspacePath, {
        create: false,
        nativeBinding: request.nativeBinding,
      });
      let rows: number;
      try {
        rows = await writeValuesFile(db, request.file);
      } finally {
        // Closed before the answer, so the backend can open the file again at once.
        db.close();
      }
      send({ type: 'exported', rows });
      return;
    }
    case 'start': {
      const current = new WorkerImport(
        message.request,
        (done, total, unit) => {
          send({ type: 'progress', done, total, unit });
        },
        ownScript,
      );
      job = current;
      const summary = await current.read(statSync(message.request.source.path).size);
      send({ type: 'ready', summary });
      return;
    }
    case 'apply': {
      const current = job;
      if (!current) throw new Error('There is no import to apply');
      const { result, changed } = await current.apply();
      current.close();
      job = null;
      send({ type: 'applied', result, changed });
      return;
    }
    case 'cancel':
      if (!job) return;
      job.cancel();
      return;
  }
}

/** Answers the backend's messages on `workerPort`; `script` is the worker's own. */
export function serveJobs(workerPort: MessagePort, script: string): void {
  port = workerPort;
  ownScript = script;
  workerPort.on('message', (message: ToWorker) => {
    // A cancel while waiting for the user's decision: nothing runs that could notice it.
    if (message.type === 'cancel' && job !== null && !job.isBusy()) {
      finish(new ImportCancelled('The import was cancelled.'));
      return;
    }
    handle(message).catch(finish);
  });
}

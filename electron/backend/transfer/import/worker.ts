import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { READER_ROLE, type ReaderData } from './reader-role';

// The import worker thread's entry, also started again as each import's file reader. Each role
// loads only its own modules: the reader needs neither SQLite nor the app's services, and a
// thread that reads a workbook was spending a few hundred milliseconds loading them before it
// read a row. Messages that arrive meanwhile wait on the port.

const port = parentPort;
if (!port) throw new Error('The import worker must run in a worker thread');

/** This script, started again as the import's file reader (see reader-thread.ts). */
const ownScript = fileURLToPath(import.meta.url);

const readerData = workerData as ReaderData | null;
if (readerData?.role === READER_ROLE) {
  void import('./reader-thread').then(({ startReader }) => {
    startReader(port);
  });
  // The parser of the file it is started for loads meanwhile (read-file.ts loadSource).
  const { kind } = readerData;
  if (kind !== null)
    void import('./read-file').then(({ loadSource }) => loadSource(kind)).catch(() => undefined);
} else
  void import('./worker-jobs').then(({ serveJobs }) => {
    serveJobs(port, ownScript);
  });

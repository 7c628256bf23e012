import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';

// The backend's handle on an import worker thread: start it, talk to it, and hear every
// message in order. A worker that dies is reported once, as a message the user can read.

export interface WorkerHandle {
  send(message: ToWorker): void;
  terminate(): Promise<void>;
}

export function startImportWorker(
  workerPath: string | undefined,
  onMessage: (message: FromWorker) => void,
): WorkerHandle {
  if (workerPath === undefined)
    throw new Error('The import worker script was not given to the backend (importWorkerPath)');
  const worker = new Worker(workerPath, {
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  let ended = false;
  const end = (message: FromWorker): void => {
    if (ended) return;
    ended = true;
    onMessage(message);
  };
  worker.on('message', (message: FromWorker) => {
    if (!ended) onMessage(message);
  });
  worker.on('error', (error) => {
    end({ type: 'failed', message: `The import stopped unexpectedly (${error.message}).` });
  });
  worker.on('exit', (code) => {
    end({ type: 'failed', message: `The import stopped unexpectedly (exit code ${code}).` });
  });
  return {
    send: (message) => {
      worker.postMessage(message);
    },
    terminate: async () => {
      ended = true;
      await worker.terminate();
    },
  };
}

/** One question, one answer: a worker started for it and stopped after it. */
export function askWorker<T>(
  workerPath: string | undefined,
  question: ToWorker,
  answer: (message: FromWorker) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = startImportWorker(workerPath, (message) => {
      if (message.type === 'failed') {
        void handle.terminate();
        reject(new Error(message.message));
        return;
      }
      const value = answer(message);
      if (value !== undefined) {
        void handle.terminate();
        resolve(value);
      }
    });
    handle.send(question);
  });
}

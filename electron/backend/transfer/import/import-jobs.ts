import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { MethodInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { ServerEventName, ServerEvents } from '@shared/api/events';
import type { ImportJobStatus } from '@shared/transfer/import-status';
import { getObjective } from '../../store/records';
import type { Workspace } from '../../workspace/workspace';
import { startImportWorker, type WorkerHandle } from './file-reader';
import type { FromWorker, InspectRequest, InspectResult } from './protocol';
import { sourceKindForApi } from './source-kind';

// Import jobs. While one runs, the workspace file is lent to the import worker thread: it
// reads, stages and compares (the dry run), waits for the user's decision, and writes in one
// transaction. Meanwhile the backend answers other calls with BUSY, and takes the file back
// when the worker has closed it. One import at a time.

interface Job {
  status: ImportJobStatus;
  workspace: Workspace;
  worker: WorkerHandle;
  /** The file read, for a restart with other choices. */
  path: string;
  /** What an applied import wrote, to announce once the file is back. */
  changed: ServerEvents['changed'] | null;
  /** Settles once the job is over and the file is back (or never was lent). */
  over: Promise<void>;
  settle: () => void;
}

export interface ImportEnv {
  workerPath: string | undefined;
  userName(): string;
  deviceId(): string;
  now(): string;
  log?: ((message: string, error?: unknown) => void) | undefined;
  /**
   * Tells the page how a job goes (`progress`) and what an applied import wrote (`changed`):
   * the worker writes on its own connection, which the dispatcher's change log does not see.
   */
  announce?: <K extends ServerEventName>(name: K, payload: ServerEvents[K]) => void;
}

/** Progress between phase changes goes out at most this often. */
const PROGRESS_EVERY_MS = 100;

const ACTIVE: readonly ImportJobStatus['phase'][] = ['reading', 'ready', 'applying'];

/** How long the worker that gave a first look waits for the import it usually precedes. */
const WARM_MS = 120_000;

interface WarmWorker {
  handle: WorkerHandle;
  /** Where its messages go now: the first look, then the import that adopts it. */
  listen: (message: FromWorker) => void;
  timer: NodeJS.Timeout;
}

export class ImportJobs {
  private job: Job | null = null;
  private warm: WarmWorker | null = null;
  private lastProgressAt = 0;

  constructor(private readonly env: ImportEnv) {}

  /** Whether an import holds the workspace file (other calls get BUSY). */
  get active(): boolean {
    return this.job !== null && ACTIVE.includes(this.job.status.phase);
  }

  /**
   * A first look at a file, on a worker that is then kept for a while: the import that
   * usually follows starts on it with its modules already loaded.
   */
  inspect(request: InspectRequest): Promise<InspectResult> {
    const warm = this.warmWorker();
    return new Promise<InspectResult>((resolve, reject) => {
      warm.listen = (message) => {
        if (message.type === 'inspected') resolve(message.result);
        else if (message.type === 'failed') {
          this.dropWarm();
          reject(new Error(message.message));
        }
      };
      warm.handle.send({ type: 'inspect', request });
    });
  }

  private warmWorker(): WarmWorker {
    if (this.warm) {
      this.warm.timer.refresh();
      return this.warm;
    }
    const warm: WarmWorker = {
      handle: startImportWorker(this.env.workerPath, (message) => {
        warm.listen(message);
      }),
      listen: () => undefined,
      timer: setTimeout(() => {
        this.dropWarm();
      }, WARM_MS),
    };
    warm.timer.unref();
    this.warm = warm;
    return warm;
  }

  private dropWarm(): void {
    const warm = this.warm;
    this.warm = null;
    if (!warm) return;
    clearTimeout(warm.timer);
    void warm.handle.terminate();
  }

  start(workspace: Workspace, input: MethodInput<'import.start'>): ImportJobStatus {
    const kind = sourceKindForApi(input.path);
    if (kind === 'xlsx' && input.sheet === null)
      throw new ApiError({
        code: 'VALIDATION',
        field: 'sheet',
        message: 'Choose a sheet of the workbook.',
      });
    if (input.unknownKpis.action === 'create')
      getObjective(workspace.db, input.unknownKpis.objectiveId, 'unknownKpis.objectiveId');

    const status: ImportJobStatus = {
      id: uuidv7(),
      fileName: basename(input.path),
      phase: 'reading',
      progress: { done: 0, total: statSync(input.path).size, unit: 'bytes' },
      summary: null,
      result: null,
      message: null,
    };
    workspace.lend();
    let job: Job | null = null;
    try {
      const hear = (message: FromWorker): void => {
        if (job) this.hear(job, message);
      };
      // Adopt the worker that gave the first look, if it is still there.
      const warm = this.warm;
      this.warm = null;
      let worker: WorkerHandle;
      if (warm) {
        clearTimeout(warm.timer);
        warm.listen = hear;
        worker = warm.handle;
      } else worker = startImportWorker(this.env.workerPath, hear);
      let settle = (): void => undefined;
      const over = new Promise<void>((resolve) => {
        settle = resolve;
      });
      job = { status, workspace, worker, path: input.path, changed: null, over, settle };
      this.job = job;
      worker.send({
        type: 'start',
        request: {
          workspacePath: workspace.path,
          nativeBinding: workspace.nativeBinding,
          deviceId: this.env.deviceId(),
          enteredBy: this.env.userName(),
          nowIso: this.env.now(),
          fileName: status.fileName,
          source: {
            path: input.path,
            kind,
            format: kind === 'csv' ? input.format : null,
            sheet: kind === 'xlsx' ? input.sheet : null,
          },
          mapping: input.mapping,
          numberLocale: input.numberLocale,
          dayFirst: input.dayFirst,
          fractionsAsPercent: input.fractionsAsPercent,
          newKpis:
            input.unknownKpis.action === 'create'
              ? {
                  objectiveId: input.unknownKpis.objectiveId,
                  frequency: input.unknownKpis.frequency,
                }
              : null,
        },
      });
    } catch (error) {
      this.job = null;
      workspace.reclaim();
      throw error;
    }
    return structuredClone(status);
  }

  status(jobId: string): ImportJobStatus {
    return structuredClone(this.find(jobId).status);
  }

  apply(jobId: string): ImportJobStatus {
    const job = this.find(jobId);
    if (job.status.phase !== 'ready')
      throw new ApiError({
        code: 'CONFLICT',
        message:
          job.status.phase === 'reading'
            ? 'The file is still being read; apply it when the summary is complete.'
            : `This import is ${job.status.phase} and cannot be applied.`,
      });
    job.status.phase = 'applying';
    job.status.progress = { done: 0, total: 0, unit: 'values' };
    job.worker.send({ type: 'apply' });
    this.announceProgress(job.status);
    return structuredClone(job.status);
  }

  cancel(jobId: string): ImportJobStatus {
    const job = this.find(jobId);
    if (ACTIVE.includes(job.status.phase)) job.worker.send({ type: 'cancel' });
    return structuredClone(job.status);
  }

  /**
   * The dry run again from the job's file with other choices: the job is rolled back (waiting
   * until the worker has given the file back) and a new one starts. Refused while applying.
   */
  async restart(
    jobId: string,
    choices: Omit<MethodInput<'import.start'>, 'path'>,
  ): Promise<ImportJobStatus> {
    const job = this.find(jobId);
    if (job.status.phase === 'applying' || job.status.phase === 'applied')
      throw new ApiError({
        code: 'CONFLICT',
        message: `This import is ${job.status.phase}; it cannot be read again.`,
      });
    if (ACTIVE.includes(job.status.phase)) {
      job.worker.send({ type: 'cancel' });
      await job.over;
    }
    return this.start(job.workspace, { ...choices, path: job.path });
  }

  /** The workspace is closing: stop the worker; what it had not committed is rolled back. */
  discard(): void {
    this.dropWarm();
    const job = this.job;
    this.job = null;
    if (job && ACTIVE.includes(job.status.phase)) void job.worker.terminate();
  }

  private hear(job: Job, message: FromWorker): void {
    const { status } = job;
    switch (message.type) {
      case 'progress': {
        status.progress = { done: message.done, total: message.total, unit: message.unit };
        const now = Date.now();
        if (now - this.lastProgressAt >= PROGRESS_EVERY_MS) {
          this.lastProgressAt = now;
          this.announceProgress(status);
        }
        return;
      }
      case 'ready':
        status.summary = message.summary;
        status.phase = 'ready';
        status.progress.done = status.progress.total;
        this.announceProgress(status);
        return;
      case 'applied':
        status.result = message.result;
        job.changed = message.changed;
        this.end(job, 'applied', null);
        return;
      case 'cancelled':
        this.end(job, 'cancelled', message.message);
        return;
      case 'failed':
        this.end(job, 'failed', message.message);
        return;
      case 'inspected':
      case 'rows':
      case 'exported':
        return;
    }
  }

  /**
   * Takes the file back once the worker thread is gone (it closes the file before reporting
   * an end; a crashed one has it closed when it exits). Until then the job still counts as
   * running, so other calls keep getting BUSY rather than a half-returned workspace.
   */
  private end(job: Job, phase: 'applied' | 'cancelled' | 'failed', message: string | null): void {
    void job.worker.terminate().then(() => {
      try {
        if (this.job === job) job.workspace.reclaim();
        job.status.phase = phase;
        job.status.message = message;
      } catch (error) {
        this.env.log?.('Could not reopen the workspace after an import', error);
        job.status.phase = 'failed';
        job.status.message =
          'The workspace could not be opened again after the import; close it and open it again.';
      }
      // Announced once the file is back, so views that read again are not answered BUSY.
      if (job.status.phase === 'applied' && job.changed)
        this.env.announce?.('changed', job.changed);
      this.announceProgress(job.status);
      job.settle();
    });
  }

  private announceProgress(status: ImportJobStatus): void {
    this.env.announce?.('progress', {
      job: 'import',
      id: status.id,
      phase: status.phase,
      done: status.progress.done,
      total: status.progress.total,
    });
  }

  private find(jobId: string): Job {
    if (this.job?.status.id !== jobId)
      throw new ApiError({
        code: 'NOT_FOUND',
        field: 'jobId',
        message:
          'That import is no longer known (the workspace was closed or another import started).',
      });
    return this.job;
  }
}

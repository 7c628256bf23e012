import type { MethodParams } from '@shared/api/contract';
import type { ServerEvents } from '@shared/api/events';
import { startParams, type ImportChoices } from '@shared/transfer/import-choices';
import type { ImportJobStatus } from '@shared/transfer/import-status';
import { api } from '../api/client';
import { onResync, onServerEvent } from '../api/events';

// Imports and exports: every call of the transfer dialogs, typed. What they write is announced
// by the backend like any other write (the views follow the `changed` event); an import's
// progress is pushed as `progress` events, and `import.status` reads a job's whole state when
// its phase changes or the dialog (re)opens.

export const transferStore = {
  inspect: (params: MethodParams<'import.inspect'>) => api.call('import.inspect', params),
  startImport: (params: MethodParams<'import.start'>) => api.call('import.start', params),
  importStatus: (jobId: string) => api.call('import.status', { jobId }),
  applyImport: (jobId: string) => api.call('import.apply', { jobId }),
  cancelImport: (jobId: string) => api.call('import.cancel', { jobId }),
  /**
   * The dry run again from the same file with other choices: the backend rolls the job back and
   * starts a new one on the file it kept (in browser mode the upload stays for the new job).
   */
  rereadImport(jobId: string, choices: ImportChoices): Promise<ImportJobStatus> {
    const { path: _file, ...params } = startParams('', choices);
    return api.call('import.restart', { jobId, ...params });
  },
  importDefinitions: (params: MethodParams<'import.definitions'>) =>
    api.call('import.definitions', params),
  importPackage: (params: MethodParams<'package.import'>) => api.call('package.import', params),
  exportValues: (params: MethodParams<'export.values'>) => api.call('export.values', params),
  exportPackage: (params: MethodParams<'export.package'>) => api.call('export.package', params),

  /**
   * Follows an import job: `progress` within a phase from the pushed events, the whole status
   * (summary, result, message) read once at the start, at each new phase and after a lost
   * event stream. Returns the unsubscribe.
   */
  followImport(
    jobId: string,
    listener: {
      progress(progress: ServerEvents['progress']): void;
      status(status: ImportJobStatus): void;
      error(cause: unknown): void;
    },
  ): () => void {
    let phase: string | null = null;
    let stopped = false;
    const read = (): void => {
      api.call('import.status', { jobId }).then(
        (status) => {
          if (stopped) return;
          phase = status.phase;
          listener.status(status);
        },
        (cause: unknown) => {
          if (!stopped) listener.error(cause);
        },
      );
    };
    const offProgress = onServerEvent('progress', (progress) => {
      if (progress.job !== 'import' || progress.id !== jobId) return;
      if (progress.phase === phase) listener.progress(progress);
      else {
        phase = progress.phase;
        read();
      }
    });
    const offResync = onResync(read);
    read();
    return () => {
      stopped = true;
      offProgress();
      offResync();
    };
  },
};

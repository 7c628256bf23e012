import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Backend } from '../backend/platform';
import { isInside } from '../backend/files/access';

// An uploaded file is removed once its import is over: applied, cancelled, or a package or
// definitions import done. A restart (the dry run read again) hands it to the new job. A failed import keeps it, since the wizard offers to try again with
// the same file. What is left (a wizard closed before starting) goes when the host stops.

type Dispatch = Backend['dispatch'];

export function releasingUploads(dispatch: Dispatch, uploadDir: string): Dispatch {
  const jobFiles = new Map<string, string>();
  const release = (path: string | undefined): void => {
    // Each upload has a folder of its own (uploads.ts); never remove anything else.
    if (path === undefined || !isInside(uploadDir, path)) return;
    const folder = dirname(path);
    if (folder !== uploadDir && isInside(uploadDir, folder))
      rmSync(folder, { recursive: true, force: true });
  };
  const pathOf = (params: unknown): string | undefined => {
    const path = (params as { path?: unknown } | null)?.path;
    return typeof path === 'string' ? path : undefined;
  };
  return async (method, params) => {
    const result = await dispatch(method, params);
    if (!result.ok) return result;
    const data = result.data as { id?: unknown; phase?: unknown; applied?: unknown } | null;
    switch (method) {
      case 'import.start': {
        const path = pathOf(params);
        if (typeof data?.id === 'string' && path !== undefined) jobFiles.set(data.id, path);
        break;
      }
      case 'import.restart': {
        // The same upload now belongs to the new job.
        const jobId = (params as { jobId?: unknown } | null)?.jobId;
        const path = typeof jobId === 'string' ? jobFiles.get(jobId) : undefined;
        if (typeof jobId === 'string') jobFiles.delete(jobId);
        if (typeof data?.id === 'string' && path !== undefined) jobFiles.set(data.id, path);
        break;
      }
      case 'import.apply':
      case 'import.cancel':
      case 'import.status': {
        const jobId = (params as { jobId?: unknown } | null)?.jobId;
        if (typeof jobId !== 'string') break;
        if (data?.phase === 'applied' || data?.phase === 'cancelled') {
          release(jobFiles.get(jobId));
          jobFiles.delete(jobId);
        }
        break;
      }
      case 'package.import':
        release(pathOf(params));
        break;
      case 'import.definitions':
        if (data?.applied === true) release(pathOf(params));
        break;
    }
    return result;
  };
}

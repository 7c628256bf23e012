import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { ExportDestination, ExportResult } from '@shared/api/contract-export';
import { requireAbsolutePath } from '../../workspace/lifecycle';
import { downloads } from './downloads';

// Writing an export where the user asked: to a path (desktop save dialog) through a temporary
// file renamed into place, so a failed export never leaves a half-written file under the
// user's name; or into the download store (browser mode).

export interface ExportFile {
  /** Suggested name without folder, e.g. "Acme values 2026-11-25.xlsx". */
  fileName: string;
  extension: string;
  contentType: string;
}

function fileError(path: string, error: unknown): ApiError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError({
    code: 'FILE_ERROR',
    message: `The export could not be written to "${path}" (${reason}).`,
  });
}

function checkTarget(path: string): void {
  requireAbsolutePath(path);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `The folder "${folder}" does not exist.`,
    });
  if (existsSync(path) && statSync(path).isDirectory())
    throw new ApiError({
      code: 'FILE_ERROR',
      field: 'path',
      message: `"${path}" is a folder; choose a file name for the export.`,
    });
}

/** Runs `write(tempPath)` and puts the result where `destination` says. */
export async function deliverExport(
  mode: 'desktop' | 'browser',
  destination: ExportDestination,
  file: ExportFile,
  write: (path: string) => Promise<number> | number,
): Promise<ExportResult> {
  // Only the browser host serves downloads; on the desktop the file would never leave /tmp.
  if (destination.kind === 'download' && mode !== 'browser')
    throw new ApiError({
      code: 'VALIDATION',
      field: 'destination',
      message: 'Choose where to save the export (downloads are for browser mode).',
    });
  if (destination.kind === 'download') {
    const download = downloads.reserve(file.fileName, file.contentType);
    try {
      const rows = await write(download.path);
      downloads.publish(download);
      return {
        fileName: file.fileName,
        path: null,
        downloadId: download.id,
        rows,
        bytes: statSync(download.path).size,
      };
    } catch (error) {
      downloads.discard(download);
      throw error;
    }
  }
  const path =
    extname(destination.path).toLowerCase() === file.extension
      ? destination.path
      : `${destination.path}${file.extension}`;
  checkTarget(path);
  const temp = `${path}.${process.pid}.export-tmp`;
  try {
    const rows = await write(temp);
    renameSync(temp, path);
    return { fileName: basename(path), path, downloadId: null, rows, bytes: statSync(path).size };
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    if (error instanceof ApiError) throw error;
    throw fileError(path, error);
  }
}

/** "Acme values 2026-11-25" without characters that file systems refuse. */
export function safeFileStem(text: string): string {
  const cleaned = text
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 120) || 'export';
}

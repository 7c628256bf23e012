import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { WorkspaceFileEntry } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { WORKSPACE_EXTENSION } from './lifecycle';

// Workspace file names and the workspaces folder (browser mode has no native file dialogs).

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name (without extension) that is safe on Windows, macOS and Linux. */
export function sanitiseFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim();
  if (cleaned === '') return 'Workspace';
  return WINDOWS_RESERVED.test(cleaned) ? `${cleaned}-` : cleaned;
}

export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION
    ? path
    : `${path}${WORKSPACE_EXTENSION}`;
}

/** `<folder>/<name>.kpis`, or `<name> (2).kpis`, … if taken. Creates the folder if needed. */
export function uniqueWorkspacePath(folder: string, name: string): string {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new ApiError({
      code: 'FILE_ERROR',
      message: `The workspaces folder "${folder}" cannot be created.`,
    });
  }
  const base = sanitiseFileName(name);
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, `${n === 1 ? base : `${base} (${n})`}${WORKSPACE_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** The `.kpis` files directly in `folder`, most recently changed first. */
export function listWorkspaceFiles(folder: string): WorkspaceFileEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: WorkspaceFileEntry[] = [];
  for (const fileName of names) {
    if (extname(fileName).toLowerCase() !== WORKSPACE_EXTENSION) continue;
    const path = join(folder, fileName);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      entries.push({
        path,
        name: basename(fileName, extname(fileName)),
        modifiedAt: stat.mtime.toISOString(),
        sizeBytes: stat.size,
      });
    } catch {
      // Vanished between listing and stat: not worth showing.
    }
  }
  return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

// Workspace files held open by any backend in this process. A second backend in the same
// process must be refused before it reads the file with `fs`: closing any descriptor of a
// file drops every POSIX lock this process holds on it, SQLite's included.

const held = new Set<string>();

/** The canonical path of a file (symlinks resolved), or the absolute path if it is missing. */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function isHeldInProcess(path: string): boolean {
  return held.has(canonicalPath(path));
}

/** Marks the file as held; returns the key to release it with. */
export function holdInProcess(path: string): string {
  const key = canonicalPath(path);
  held.add(key);
  return key;
}

export function releaseInProcess(key: string): void {
  held.delete(key);
}

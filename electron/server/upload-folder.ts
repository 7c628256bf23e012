import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Each browser-mode host keeps its uploads in a folder of its own, named after its process id,
// so a second host started on the same data folder cannot delete files the first one is still
// importing. A host removes its folder when it stops, and at start the folders of hosts that
// are no longer running (killed, crashed). Folders are private to the user (0700).

export const UPLOADS_FOLDER = 'uploads';

/** Whether a process with this id is running (signal 0 only asks). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a folder name `<pid>-<random>` belongs to, or null for anything else. */
export function ownerPid(name: string): number | null {
  const match = /^(\d{1,10})-[0-9a-f]{8,}$/u.exec(name);
  return match ? Number(match[1]) : null;
}

/** Removes the upload folders of hosts that are gone, and files from before per-host folders. */
export function clearStaleUploads(root: string, isAlive: (pid: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = ownerPid(name);
    if (pid !== null && pid !== process.pid && isAlive(pid)) continue;
    if (pid === process.pid) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** Bytes held by the files in `dir` and below. */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) {
      try {
        total += statSync(path).size;
      } catch {
        // removed meanwhile
      }
    }
  }
  return total;
}

export interface InstanceUploads {
  /** This host's upload folder. */
  dir: string;
  /** Removes it with everything in it (the host stops). */
  remove(): void;
}

export function instanceUploads(
  dataDir: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): InstanceUploads {
  const root = join(dataDir, UPLOADS_FOLDER);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  clearStaleUploads(root, isAlive);
  const dir = join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

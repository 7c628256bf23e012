import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser mode's exports: the page cannot name a path on the user's disk, so an export is
// written into this process's own temporary folder and handed over once through the browser
// host (electron/server/downloads.ts), which streams it as a download and then deletes it.
// Ids are 128 random bits; an unclaimed file is dropped after DOWNLOAD_TTL_MS.

export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

export interface PendingDownload {
  id: string;
  /** The file's absolute path inside the session folder. */
  path: string;
  /** The name the browser saves it under. */
  fileName: string;
  contentType: string;
  createdAt: number;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export class DownloadStore {
  private folder: string | null = null;
  private readonly pending = new Map<string, PendingDownload>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh, private folder for one download; the caller writes `fileName` into it. */
  reserve(fileName: string, contentType: string): PendingDownload {
    this.expire();
    this.folder ??= mkdtempSync(join(tmpdir(), 'kpis-downloads-'));
    const id = randomBytes(16).toString('base64url');
    const dir = join(this.folder, id);
    mkdirSync(dir, { mode: 0o700 });
    return { id, path: join(dir, 'export'), fileName, contentType, createdAt: this.now() };
  }

  /** Makes a written file available under its id. */
  publish(download: PendingDownload): void {
    this.pending.set(download.id, download);
  }

  /** Forgets a reservation whose file could not be written. */
  discard(download: PendingDownload): void {
    this.remove(download);
  }

  /** The download and its size, removed from the list: each id is served once. */
  take(id: string): (PendingDownload & { size: number }) | null {
    this.expire();
    if (!ID_PATTERN.test(id)) return null;
    const download = this.pending.get(id);
    if (!download) return null;
    this.pending.delete(id);
    try {
      return { ...download, size: statSync(download.path).size };
    } catch {
      return null;
    }
  }

  /** Deletes a served (or expired) download's file. */
  remove(download: PendingDownload): void {
    this.pending.delete(download.id);
    rmSync(join(download.path, '..'), { recursive: true, force: true });
  }

  /** Deletes every file this store made (the host calls it when it closes). */
  clear(): void {
    this.pending.clear();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }

  private expire(): void {
    const limit = this.now() - DOWNLOAD_TTL_MS;
    for (const download of [...this.pending.values()])
      if (download.createdAt < limit) this.remove(download);
  }
}

/** The one store of this process: the backend writes into it, the browser host serves it. */
export const downloads = new DownloadStore();
process.once('exit', () => {
  downloads.clear();
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '@shared/domain/entities';
import { canonicalPath } from '../workspace/registry';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

// The recent-workspaces list, newest first, kept in the data folder. Whether each file still
// exists is looked up on every read, never stored.

export const MAX_RECENT = 10;

const storedSchema = z.array(
  z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() }),
);
type StoredRecent = z.output<typeof storedSchema>[number];

export class RecentList {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent.json');
  }

  list(): RecentWorkspace[] {
    return this.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  remember(path: string, name: string, openedAt: string): void {
    const key = canonicalPath(path);
    const others = this.read().filter((entry) => canonicalPath(entry.path) !== key);
    this.write([{ path, name, openedAt }, ...others].slice(0, MAX_RECENT));
  }

  forget(path: string): RecentWorkspace[] {
    const key = canonicalPath(path);
    const entries = this.read();
    const kept = entries.filter(
      (entry) => entry.path !== path && canonicalPath(entry.path) !== key,
    );
    if (kept.length !== entries.length) this.write(kept);
    return this.list();
  }

  private read(): StoredRecent[] {
    // A damaged list is not worth an error: the files themselves are safe elsewhere.
    const parsed = storedSchema.safeParse(readJsonFile(this.file));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
  }

  private write(entries: StoredRecent[]): void {
    writeJsonFileAtomic(this.file, entries);
  }
}

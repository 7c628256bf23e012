import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { MethodParams } from '@shared/api/contract';
import type { ImportJobStatus } from '@shared/transfer/import-status';
import type { TestBackend } from '../backend/helpers';

// Driving an import the way the wizard does: inspect, start, wait for the dry run, apply.

/**
 * Everything a user could see in a workspace file, hashed, with its integrity check and its
 * counts of values and change-log entries; opening it also recovers (or leaves out) its WAL.
 */
export function contentOf(path: string): {
  hash: string;
  integrity: string;
  values: number;
  entries: number;
} {
  const db = new Database(path);
  try {
    const hash = createHash('sha256');
    for (const table of ['workspace_meta', 'kpis', 'kpi_values', 'change_log'])
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().iterate())
        hash.update(JSON.stringify(row));
    return {
      hash: hash.digest('hex'),
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      values: db.prepare('SELECT count(*) FROM kpi_values').pluck().get() as number,
      entries: db.prepare('SELECT count(*) FROM change_log').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

export function writeFile(t: { dir: string }, name: string, content: string | Buffer): string {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
}

export async function waitFor(
  t: TestBackend,
  jobId: string,
  phases: ImportJobStatus['phase'][],
): Promise<ImportJobStatus> {
  for (let i = 0; i < 6_000; i += 1) {
    const status = await t.call('import.status', { jobId });
    if (phases.includes(status.phase)) return status;
    if (status.phase === 'failed') throw new Error(`Import failed: ${status.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`The import never reached ${phases.join(' or ')}`);
}

/** Inspects the file and starts the import with the guessed layout (plus overrides). */
export async function dryRun(
  t: TestBackend,
  path: string,
  overrides: Partial<MethodParams<'import.start'>> = {},
  locale = 'en-GB',
): Promise<ImportJobStatus> {
  const preview = await t.call('import.inspect', { path, locale });
  const started = await t.call('import.start', {
    path,
    sheet: preview.sheet,
    format: preview.format,
    mapping: preview.guess.mapping,
    numberLocale: preview.guess.numberLocale,
    dayFirst: preview.guess.dayFirst,
    unknownKpis: { action: 'skip' },
    ...overrides,
  });
  return waitFor(t, started.id, ['ready']);
}

export async function applyImport(t: TestBackend, jobId: string): Promise<ImportJobStatus> {
  await t.call('import.apply', { jobId });
  const done = await waitFor(t, jobId, ['applied', 'cancelled']);
  expect(done.phase).toBe('applied');
  return done;
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The `kpis` command as a user runs it: `node bin/kpis.mjs …` in a temp folder, on real files.
// The launcher builds the app when out/ is missing or stale; test files build it one at a time
// (a lock folder) before the first command, so parallel files never build over each other.

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'kpis.mjs');
const LOCK = join(ROOT, '.tmp', 'kpis-build.lock');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Project {
  ensureBuild(options: { toStderr: boolean }): void;
}

/** Builds the app (if stale) under a lock shared by every CLI test file. */
export async function buildOnce(): Promise<void> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is stale after two minutes.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmdirSync(LOCK, { maxRetries: 0 });
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    const project = (await import(join(ROOT, 'scripts', 'project.mjs'))) as Project;
    project.ensureBuild({ toStderr: true });
  } finally {
    rmdirSync(LOCK);
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kpis-cli-test-'));
}

/** Runs `kpis ARGS` in `cwd`: English numbers and dates, UTC, no colour settings inherited. */
export function kpis(
  cwd: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  delete base.CHROMIUM_PATH;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      done({ code, stdout, stderr });
    });
  });
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

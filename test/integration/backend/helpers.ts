import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, inject } from 'vitest';
import type { MethodName, MethodOutput, MethodParams } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import {
  createBackend,
  unrestrictedFileAccess,
  type Backend,
  type BackendInternals,
  type BackendOptions,
} from '../../../electron/backend';

// A backend on a fresh temporary folder per test, and typed shortcuts to call it.

export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
export const SAMPLE_FIXTURE = join(FIXTURES, 'sample-workspace.json');

export interface TestBackend {
  dir: string;
  dataDir: string;
  workspacesDir: string;
  backend: Backend;
  logged: unknown[];
  /** Calls a method and returns its data; fails the test with the error otherwise. */
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodOutput<M>>;
  /** Calls a method expecting it to fail, and returns the error. */
  fail(method: string, params: unknown): Promise<ApiErrorBody>;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-backend-'));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export function makeBackend(
  options: {
    dir?: string;
    internals?: BackendInternals;
    samplePath?: string;
    resourcesDir?: string;
    now?: () => Date;
    backgroundSync?: BackendOptions['backgroundSync'];
  } = {},
): TestBackend {
  const dir = options.dir ?? tempDir();
  const dataDir = join(dir, 'data');
  const workspacesDir = join(dir, 'workspaces');
  mkdirSync(dataDir, { recursive: true });
  const logged: unknown[] = [];
  const backend = createBackend(
    {
      mode: 'browser',
      appVersion: '0.1.0-test',
      dataDir,
      workspacesDir,
      samplePath: options.samplePath ?? SAMPLE_FIXTURE,
      // The shipped KPI library and templates (the sample fixture lives elsewhere).
      resourcesDir: options.resourcesDir ?? join(process.cwd(), 'resources'),
      userName: 'Ana',
      // The real worker thread, built by test/worker-setup.ts.
      importWorkerPath: inject('importWorkerPath'),
      // These tests are the user: they name their own temporary files.
      fileAccess: unrestrictedFileAccess,
      ...(options.now ? { clock: { now: options.now } } : {}),
      ...(options.backgroundSync ? { backgroundSync: options.backgroundSync } : {}),
      log: (message, error) => logged.push({ message, error }),
    },
    options.internals,
  );
  cleanups.push(() => {
    backend.close();
  });
  return {
    dir,
    dataDir,
    workspacesDir,
    backend,
    logged,
    async call(method, params) {
      const result = await backend.dispatch(method, params);
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.data as MethodOutput<typeof method>;
    },
    async fail(method, params) {
      const result = await backend.dispatch(method, params);
      if (result.ok) throw new Error(`${method} succeeded but was expected to fail`);
      return result.error;
    },
  };
}

/** A backend with a new workspace open, and one scorecard with its default perspectives. */
export async function withScorecard(options?: Parameters<typeof makeBackend>[0]) {
  const t = makeBackend(options);
  const workspace = await t.call('workspace.create', {
    name: 'Acme',
    path: join(t.dir, 'Acme.kpis'),
  });
  const scorecard = await t.call('scorecard.create', { name: 'Company' });
  const view = await t.call('scorecard.evaluate', { id: scorecard.id });
  const perspectiveIds = view.perspectives.map((p) => p.perspective.id);
  const financial = perspectiveIds[0] ?? '';
  const objective = await t.call('objective.create', {
    perspectiveId: financial,
    name: 'Grow revenue',
  });
  return { ...t, workspace, scorecard, perspectiveIds, objective };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The SQLite side files next to `path` that exist. */
export function sideFiles(path: string): string[] {
  return ['-wal', '-shm', '-journal'].map((s) => `${path}${s}`).filter((f) => existsSync(f));
}

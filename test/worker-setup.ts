import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// Integration tests run imports through the real worker thread, built once per test run.

export default async function setup(project: TestProject): Promise<void> {
  // @ts-expect-error -- a plain .mjs build script without type declarations
  const { buildImportWorker } = (await import('../scripts/build-worker.mjs')) as {
    buildImportWorker(outDir: string): Promise<string>;
  };
  const path = await buildImportWorker(join(resolve('.tmp'), 'test-worker'));
  project.provide('importWorkerPath', path);
}

declare module 'vitest' {
  export interface ProvidedContext {
    importWorkerPath: string;
  }
}

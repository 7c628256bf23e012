import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// Integration tests run imports through the real worker thread, and kill a real child process
// in the middle of one; both are built once per test run.

interface Builders {
  buildImportWorker(outDir: string): Promise<string>;
  buildNodeEntry(entry: string, outName: string, outDir: string): Promise<string>;
}

export default async function setup(project: TestProject): Promise<void> {
  // @ts-expect-error -- a plain .mjs build script without type declarations
  const builders = (await import('../scripts/build-worker.mjs')) as Builders;
  const outDir = join(resolve('.tmp'), 'test-worker');
  project.provide('importWorkerPath', await builders.buildImportWorker(outDir));
  project.provide(
    'importHarnessPath',
    await builders.buildNodeEntry(
      join('test', 'fixtures', 'import-harness.ts'),
      'import-harness.mjs',
      outDir,
    ),
  );
  project.provide(
    'syncHarnessPath',
    await builders.buildNodeEntry(
      join('test', 'fixtures', 'sync-harness.ts'),
      'sync-harness.mjs',
      outDir,
    ),
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    importWorkerPath: string;
    importHarnessPath: string;
    syncHarnessPath: string;
  }
}

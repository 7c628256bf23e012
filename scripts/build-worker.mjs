// Bundles the import worker for tests and benchmarks the way electron-vite bundles it for the
// app (Node target, dependencies left external), since a worker thread cannot run TypeScript.
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Builds the worker into `outDir` and returns the script's path. */
export async function buildImportWorker(outDir) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      ssr: join('electron', 'backend', 'transfer', 'import', 'worker.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'import-worker.mjs' } },
    },
  });
  return join(outDir, 'import-worker.mjs');
}

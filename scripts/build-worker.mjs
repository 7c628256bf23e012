// Bundles Node entry points for tests and benchmarks the way electron-vite bundles them for the
// app (Node target, dependencies left external), since a worker thread or a child process
// cannot run TypeScript: the import worker, and helpers that tests run as child processes.
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Builds `entry` (relative to the project) into `outDir/outName` and returns its path. */
export async function buildNodeEntry(entry, outName, outDir) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: outName } },
    },
  });
  return join(outDir, outName);
}

/** Builds the import worker into `outDir` and returns the script's path. */
export function buildImportWorker(outDir) {
  return buildNodeEntry(
    join('electron', 'backend', 'transfer', 'import', 'worker.ts'),
    'import-worker.mjs',
    outDir,
  );
}

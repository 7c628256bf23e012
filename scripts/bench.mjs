#!/usr/bin/env node
// `npm run bench`: bundles each bench/*.ts with Vite (SSR build: Node target, dependencies
// left external) and runs it with plain Node, so the figures are not a test runner's.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildImportWorker } from './build-worker.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.tmp', 'bench');
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)));

// The import benchmark runs imports on the real worker thread.
const importWorker = await buildImportWorker(outDir);
let failed = false;
for (const file of benches) {
  const name = file.replace(/\.ts$/, '');
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      ssr: join('bench', file),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  console.log(`\n=== ${name}`);
  // --expose-gc lets a benchmark collect its own set-up garbage before it measures.
  const run = spawnSync(process.execPath, ['--expose-gc', join(outDir, `${name}.mjs`)], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, KPIS_IMPORT_WORKER: importWorker },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

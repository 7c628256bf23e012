import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cspMetaPlugin } from './electron/server/csp';

const alias = { '@shared': resolve('shared') };

// One build for the three Electron targets, plus the browser-mode host, which is bundled with
// main because it runs the same backend in plain Node.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // `kpis report` drives Chromium with playwright-core, loaded only then and never bundled.
      // zod, uuid and luxon are bundled: the start needs them, and bundled they are one parse of
      // what is used instead of a hundred module files (zod's every locale) — issue 19.
      externalizeDeps: { include: ['playwright-core'], exclude: ['zod', 'uuid', 'luxon'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          server: resolve('electron/server/cli.ts'),
          // The `kpis` command line (bin/kpis.mjs runs it).
          cli: resolve('electron/cli/main.ts'),
          // Reads import files on a worker thread, off the event loop that serves the window.
          'import-worker': resolve('electron/backend/transfer/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    // The <meta> CSP is generated from electron/server/csp.ts, the one source of the policy.
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the page has a third as much
      // script to parse before its first screen (issue 19).
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});

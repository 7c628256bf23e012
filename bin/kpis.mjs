#!/usr/bin/env node
// `kpis` (npx kpis … in a checkout): builds the app first when the build is missing or older
// than the sources, then runs the built command line (out/main/cli.js). Build messages go to
// stderr so a command's --json output on stdout stays clean.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

try {
  const { ensureBuild } = await import(pathToFileURL(join(root, 'scripts', 'project.mjs')).href);
  ensureBuild({ toStderr: true });
} catch (error) {
  process.stderr.write(
    `kpis: the app could not be built (${error instanceof Error ? error.message : String(error)}). ` +
      `Run npm install and npm run build in ${root}, then try again.\n`,
  );
  process.exit(1);
}

await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);

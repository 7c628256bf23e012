// Helpers shared by the start, test and dist scripts: where things are, running tools, saying
// what is going on, keeping the build up to date. Node built-ins only (see provision.mjs).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A package's command-line script (from its package.json "bin"), run with this Node. */
export function packageBin(packageName, binName = packageName) {
  const packageDir = join(root, 'node_modules', packageName);
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin[binName];
  return join(packageDir, relative);
}

/** Runs a command with inherited output; returns its exit status (1 when it could not start). */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** npm itself: the copy running this script when started through npm, else the one on PATH. */
export function npm(args, options = {}) {
  if (process.env.npm_execpath && existsSync(process.env.npm_execpath)) {
    return run(process.execPath, [process.env.npm_execpath, ...args], options);
  }
  return run('npm', args, { shell: process.platform === 'win32', ...options });
}

/** Prints one step of a setup, so a first run never sits silent. */
export function say(line) {
  console.log(`==> ${line}`);
}

/** Time since `started` as a person reads it: "42 s", "5 min 36 s". */
export function elapsed(started) {
  const total = Math.round((Date.now() - started) / 1000);
  return total < 90 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const BUILD_INPUTS = [
  'electron',
  'renderer',
  'shared',
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.base.json',
];
const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/server.js',
  'out/main/cli.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const STAMP = join(root, 'out', '.build-stamp');

function newestMtime(path) {
  let newest = mtime(path);
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/**
 * Builds main, preload, server and renderer unless the build is newer than every source.
 * `toStderr`: the build's messages go to stderr (the `kpis` command keeps stdout for data).
 */
export function ensureBuild({ force = false, toStderr = false } = {}) {
  const complete = BUILD_OUTPUTS.every((file) => existsSync(join(root, file)));
  const newestSource = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(root, input))));
  if (!force && complete && mtime(STAMP) > newestSource) return;
  // The `kpis` command keeps stdout for its own output (--json), so the build speaks on stderr.
  const tell = toStderr ? (line) => console.error(`==> ${line}`) : say;
  tell('Building the app with electron-vite (seconds; up to a minute on a busy machine).');
  const started = Date.now();
  const stdio = toStderr ? ['ignore', 2, 2] : 'inherit';
  if (run(process.execPath, [packageBin('electron-vite'), 'build'], { stdio }) !== 0) {
    throw new Error('The build failed; see the messages above.');
  }
  writeFileSync(STAMP, new Date().toISOString());
  tell(`Built (${elapsed(started)}).`);
}

// `npm start`: installs what is missing, builds, and opens KPI Scorecard — in the desktop window
// where the Electron runtime can be had, otherwise in browser mode (a local server on 127.0.0.1
// and the user's web browser). Extra arguments go to browser mode: `npm start -- --no-open`.
// `npm start -- --browser` skips Electron.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronNativeBinding } from './electron-native.mjs';
import { ensureBuild, root, say } from './project.mjs';
import { ensureDependencies, ensureNode, ensureNodeBuildOfSqlite, runMain } from './provision.mjs';

const ELECTRON_FETCH_TIMEOUT_MS = 5 * 60 * 1000;

function electronDir() {
  return join(root, 'node_modules', 'electron');
}

function electronExecutable() {
  const pathFile = join(electronDir(), 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronDir(), 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** The Electron executable, fetching it first if needed; or the reason there is none. */
function findOrFetchElectron() {
  if (!existsSync(join(electronDir(), 'package.json'))) {
    return { reason: 'the electron package is not installed' };
  }
  const present = electronExecutable();
  if (present) return { executable: present };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display to show its window' };
  }
  say('Fetching the Electron runtime (first start only). Ctrl+C stops it.');
  const result = spawnSync(process.execPath, [join(electronDir(), 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: ELECTRON_FETCH_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const fetched = electronExecutable();
  if (result.status === 0 && fetched) return { executable: fetched };
  if (result.error) return { reason: `its download failed: ${result.error.message}` };
  const cause = firstErrorLine(`${result.stderr}\n${result.stdout}`);
  const hint = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(cause)
    ? ' — the download server could not be reached'
    : '';
  return { reason: `its download failed: ${cause}${hint}` };
}

function firstErrorLine(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    lines.find((line) => /^(\w*Error|RequestError|HTTPError)\b/.test(line)) ??
    lines[0] ??
    'no reason given'
  );
}

function startElectron(executable, nativeBinding) {
  const env = { ...process.env, KPIS_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [root], { cwd: root, stdio: 'inherit', env });
  passThroughExit(child);
}

function startBrowserMode(args) {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'server.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  passThroughExit(child);
}

/** The child shuts down on Ctrl+C itself (same process group); this script waits for it. */
function passThroughExit(child) {
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Could not start: ${error.message}`);
    process.exit(1);
  });
}

function main() {
  const args = process.argv.slice(2);
  const browserOnly = args.includes('--browser');
  const serverArgs = args.filter((arg) => arg !== '--browser');

  ensureNode();
  ensureDependencies();
  ensureBuild();

  if (!browserOnly && !process.env.KPIS_BROWSER_MODE) {
    const electron = findOrFetchElectron();
    if (electron.executable) {
      try {
        const { version } = JSON.parse(readFileSync(join(electronDir(), 'package.json'), 'utf8'));
        const binding = ensureElectronNativeBinding(root, version);
        say('Starting the desktop app. Close its window, or press Ctrl+C here, to stop it.');
        startElectron(electron.executable, binding);
        return;
      } catch (error) {
        console.log(
          `The desktop app cannot start: ${error instanceof Error ? error.message : String(error)}\n` +
            'Starting KPI Scorecard in browser mode instead.',
        );
      }
    } else {
      console.log(
        `The Electron runtime is not available on this machine (${electron.reason}). ` +
          'Starting KPI Scorecard in browser mode instead.',
      );
    }
  }
  ensureNodeBuildOfSqlite();
  startBrowserMode(serverArgs);
}

runMain(main);

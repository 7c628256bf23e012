import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/index';
import { chromiumEngine } from './chromium';
import { terminalConfirm } from './confirm';
import type { CliContext } from './context';
import { runCli } from './run';

// `node out/main/cli.js …` (what bin/kpis.mjs runs): the command line in plain Node. The built
// file sits in out/main/ next to the import worker; the app root (package.json, resources/,
// out/renderer) is two levels up.

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const resolved = Intl.DateTimeFormat().resolvedOptions();
const ctx: CliContext = {
  env: process.env,
  cwd: process.cwd(),
  stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY },
  stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
  confirm: process.stdin.isTTY ? terminalConfirm : null,
  appVersion: appVersion(),
  userName: currentUserName(),
  samplePath: join(appRoot, 'resources', 'sample', 'sample-workspace.json'),
  importWorkerPath: join(here, 'import-worker.js'),
  rendererDir: join(appRoot, 'out', 'renderer'),
  createBackend,
  printPdf: chromiumEngine(process.env),
  locale: resolved.locale,
  timeZone: resolved.timeZone,
};

// A reader that stops early (`kpis status … | head`) is not an error of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl+C: the open workspace's file lock and any import transaction end with the process;
// SQLite rolls back what was not committed.
process.once('SIGINT', () => {
  process.stderr.write('\nkpis: stopped; nothing more was written.\n');
  process.exit(130);
});

runCli(ctx, process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kpis: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

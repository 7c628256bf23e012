import { userInfo, homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/index';
import { runServer } from './run';

// `node out/main/server.js`: browser mode. The built file sits in out/main/, so the app root
// (package.json, out/renderer, resources/) is two levels up.

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}

async function main(): Promise<void> {
  // Ctrl+C and SIGTERM are listened for before the ready line is printed: a signal nobody
  // listens for ends the process at once, and one sent right after ready (by a script, a
  // benchmark) must still close the workspace first.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

  const outcome = await runServer({
    argv: process.argv.slice(2),
    env: process.env,
    platform: process.platform,
    homeDir: homedir(),
    userName: currentUserName(),
    cwd: process.cwd(),
    appRoot,
    createBackend,
    print: (line) => {
      process.stdout.write(`${line}\n`);
    },
    printError: (line) => {
      process.stderr.write(`${line}\n`);
    },
  });

  if ('exitCode' in outcome) {
    process.exit(outcome.exitCode);
  }
  const { server } = outcome;
  await stopRequested;
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Stopping failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`KPI Scorecard could not start: ${String(error)}\n`);
  process.exit(1);
});

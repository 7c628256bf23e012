import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, inject } from 'vitest';
import { createBackend } from '../../../electron/backend/index';
import { runServer, type RunContext, type RunningServer } from '../../../electron/server/run';

// Browser-mode hosts started as `npm start -- --browser` starts them, on the real backend,
// stopped after each test; and typed shortcuts for their API and upload route.

let appRoot: string;
export let dataDir: string;
const servers: RunningServer[] = [];

beforeEach(() => {
  appRoot = mkdtempSync(join(tmpdir(), 'kpis-files-app-'));
  dataDir = mkdtempSync(join(tmpdir(), 'kpis-files-data-'));
  mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true });
  writeFileSync(
    join(appRoot, 'out', 'renderer', 'index.html'),
    '<!doctype html><title>KPI</title>',
  );
  writeFileSync(join(appRoot, 'package.json'), JSON.stringify({ version: '1.2.3' }));
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  rmSync(appRoot, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

export async function start(dir = dataDir): Promise<RunningServer> {
  const context: RunContext = {
    // Any free port: hosts started one after another on the usual port would leave the
    // test's fetch holding a kept-alive connection to the one before.
    argv: ['--no-open', '--port', '0', '--data-dir', dir],
    env: {},
    platform: 'linux',
    homeDir: dataDir,
    userName: 'ana',
    cwd: dataDir,
    appRoot,
    createBackend: (options) =>
      createBackend({ ...options, importWorkerPath: inject('importWorkerPath') }),
    print: () => undefined,
    printError: () => undefined,
  };
  const outcome = await runServer(context);
  if (!('server' in outcome)) throw new Error(`the host did not start (${outcome.exitCode})`);
  servers.push(outcome.server);
  return outcome.server;
}

export type Answer =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

export async function call(
  server: RunningServer,
  method: string,
  params: unknown,
): Promise<Answer> {
  const response = await fetch(`${server.host.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return (await response.json()) as Answer;
}

export async function upload(server: RunningServer, name: string, body: string): Promise<string> {
  const response = await fetch(`${server.host.origin}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.host.token}`,
      'content-type': 'application/octet-stream',
    },
    body,
  });
  const answer = (await response.json()) as { ok: boolean; data: { path: string } };
  expect(answer.ok).toBe(true);
  return answer.data.path;
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/errors';
import type { RecentWorkspace } from '@shared/domain/entities';
import type { Backend, BackendOptions } from '../../../electron/backend/platform';
import { runServer, type RunContext, type RunningServer } from '../../../electron/server/run';

let appRoot: string;
let running: RunningServer | null = null;

beforeEach(() => {
  appRoot = mkdtempSync(join(tmpdir(), 'kpis-run-'));
  mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true });
  writeFileSync(
    join(appRoot, 'out', 'renderer', 'index.html'),
    '<!doctype html><title>KPI</title>',
  );
  writeFileSync(join(appRoot, 'package.json'), JSON.stringify({ version: '1.2.3' }));
});

afterEach(async () => {
  await running?.stop();
  running = null;
  rmSync(appRoot, { recursive: true, force: true });
});

interface Scenario {
  recent?: RecentWorkspace[];
  failOpen?: string;
}

function scriptedBackend(scenario: Scenario) {
  const calls: { method: string; params: unknown }[] = [];
  const created: BackendOptions[] = [];
  let closed = 0;
  const factory = (options: BackendOptions): Backend => {
    created.push(options);
    return {
      subscribe: () => () => undefined,
      dispatch: (method, params): Promise<ApiResult<unknown>> => {
        calls.push({ method, params });
        if (method === 'workspace.recent')
          return Promise.resolve({ ok: true, data: scenario.recent ?? [] });
        if (scenario.failOpen && method.startsWith('workspace.open')) {
          return Promise.resolve({
            ok: false,
            error: { code: 'WORKSPACE_LOCKED', message: scenario.failOpen },
          });
        }
        const path =
          method === 'workspace.openSample'
            ? '/data/workspaces/Sample.kpis'
            : (params as { path: string }).path;
        return Promise.resolve({ ok: true, data: { path, name: 'W' } });
      },
      close: () => {
        closed += 1;
      },
    };
  };
  return { factory, calls, created, closedCount: () => closed };
}

/** `usualPort`: the port taken when no --port is given; any free one unless a test says. */
async function run(
  argv: string[],
  backend: ReturnType<typeof scriptedBackend>,
  env = {},
  usualPort = 0,
) {
  const out: string[] = [];
  const err: string[] = [];
  const opened: string[] = [];
  const context: RunContext = {
    argv,
    env,
    platform: 'linux',
    homeDir: '/home/ana',
    userName: 'ana',
    cwd: '/work/here',
    appRoot,
    createBackend: backend.factory,
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    openUrl: (url) => {
      opened.push(url);
      return Promise.resolve(null);
    },
    usualPort,
  };
  const outcome = await runServer(context);
  if ('server' in outcome) running = outcome.server;
  return { outcome, out, err, opened };
}

describe('browser mode start-up', () => {
  it('reopens the most recent workspace that still exists and prints the ready line', async () => {
    const backend = scriptedBackend({
      recent: [
        { path: '/gone/A.kpis', name: 'A', openedAt: '2026-03-02T00:00:00Z', exists: false },
        { path: '/w/B.kpis', name: 'B', openedAt: '2026-03-01T00:00:00Z', exists: true },
      ],
    });
    const { out, opened } = await run(['--ready-json', '--data-dir', 'd'], backend, {
      DISPLAY: ':0',
    });
    expect(backend.calls.map((call) => call.method)).toEqual([
      'workspace.recent',
      'workspace.open',
    ]);
    expect(backend.calls[1]?.params).toEqual({ path: '/w/B.kpis' });
    const readyLine = out.find((line) => line.startsWith('KPIS_READY '));
    const ready = JSON.parse(readyLine?.slice('KPIS_READY '.length) ?? 'null') as Record<
      string,
      string
    >;
    expect(ready).toMatchObject({ dataDir: '/work/here/d', workspace: '/w/B.kpis' });
    expect(ready.url).toBe(`${ready.origin ?? ''}/#token=${ready.token ?? ''}`);
    expect(out).toContain(`KPI Scorecard (browser mode) is running at ${ready.url ?? ''}`);
    expect(out).toContain('Press Ctrl+C to stop.');
    expect(opened).toEqual([ready.url]);
    expect(backend.created[0]).toMatchObject({
      mode: 'browser',
      appVersion: '1.2.3',
      dataDir: '/work/here/d',
      workspacesDir: '/work/here/d/workspaces',
      samplePath: join(appRoot, 'resources', 'sample', 'sample-workspace.json'),
      userName: 'ana',
    });
  });

  it('opens the sample when nothing recent exists, and never opens a browser under --no-open', async () => {
    const backend = scriptedBackend({});
    const { opened, out } = await run(['--no-open', '--data-dir', '/d'], backend, {
      DISPLAY: ':0',
    });
    expect(backend.calls.map((call) => call.method)).toEqual([
      'workspace.recent',
      'workspace.openSample',
    ]);
    expect(opened).toEqual([]);
    expect(out).toContain('Workspace: /data/workspaces/Sample.kpis');
  });

  it('opens the file given with --workspace, relative to the current folder', async () => {
    const backend = scriptedBackend({ recent: [] });
    await run(['--workspace', 'clients/Acme.kpis', '--data-dir', '/d'], backend);
    expect(backend.calls).toEqual([
      { method: 'workspace.open', params: { path: '/work/here/clients/Acme.kpis' } },
    ]);
  });

  it('opens a fresh sample with --sample even when something recent exists', async () => {
    const backend = scriptedBackend({
      recent: [{ path: '/w/B.kpis', name: 'B', openedAt: '2026-03-01T00:00:00Z', exists: true }],
    });
    await run(['--sample', '--data-dir', '/d'], backend);
    expect(backend.calls.map((call) => call.method)).toEqual(['workspace.openSample']);
  });

  it('starts on the start screen with the reason when the workspace cannot be opened', async () => {
    const backend = scriptedBackend({ failOpen: 'Acme.kpis is open in another window.' });
    const { outcome, err, out } = await run(
      ['--workspace', '/w/Acme.kpis', '--data-dir', '/d', '--ready-json'],
      backend,
    );
    expect('server' in outcome).toBe(true);
    expect(err).toContain(
      'The workspace could not be opened: Acme.kpis is open in another window.',
    );
    expect(out.find((line) => line.startsWith('KPIS_READY'))).toContain('"workspace":null');
  });

  it('says to open the URL by hand where no browser can be launched', async () => {
    const backend = scriptedBackend({});
    const { out, opened } = await run(['--data-dir', '/d'], backend, {});
    expect(opened).toEqual([]);
    expect(out).toContain('No browser opened (no graphical display); open this URL in a browser.');
  });

  it('closes the workspace and the server on stop', async () => {
    const backend = scriptedBackend({});
    const { outcome } = await run(['--data-dir', '/d', '--no-open'], backend);
    if (!('server' in outcome)) throw new Error('did not start');
    const origin = outcome.server.host.origin;
    await outcome.server.stop();
    running = null;
    expect(backend.closedCount()).toBe(1);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  // The same address every start, so the browser keeps the app's cached scripts and what it
  // remembered (args.ts USUAL_PORT); another when it is taken; an asked-for port is never swapped.
  it('listens on the usual port, on another when that one is taken, and on --port or fails', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const usual = (blocker.address() as AddressInfo).port;
    try {
      const taken = await run(['--no-open'], scriptedBackend({}), {}, usual);
      const port = 'server' in taken.outcome ? taken.outcome.server.host.port : null;
      expect(port).not.toBe(usual);
      expect(taken.out).toContain(
        `(Port ${String(usual)} is taken, perhaps by another KPI Scorecard, so this one runs on ${String(port)}.)`,
      );
      await running?.stop();
      running = null;

      const asked = await run(
        ['--no-open', '--port', String(usual)],
        scriptedBackend({}),
        {},
        usual,
      );
      expect(asked.outcome).toEqual({ exitCode: 1 });
      expect(asked.err.join('\n')).toContain(
        `Port ${String(usual)} on 127.0.0.1 is already in use; choose another with --port.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const free = await run(['--no-open'], scriptedBackend({}), {}, usual);
    if (!('server' in free.outcome)) throw new Error('The server did not start');
    const { host } = free.outcome.server;
    expect(host.port).toBe(usual);
    expect(free.out.some((line) => line.startsWith('(Port'))).toBe(false);
    expect(free.out).toContain(
      `KPI Scorecard (browser mode) is running at http://127.0.0.1:${String(usual)}/#token=${host.token}`,
    );
  });

  it('shows help, and refuses bad flags with the usage', async () => {
    const help = await run(['--help'], scriptedBackend({}));
    expect(help.outcome).toEqual({ exitCode: 0 });
    expect(help.out.join('\n')).toContain('--data-dir DIR');
    const bad = await run(['--port', 'x'], scriptedBackend({}));
    expect(bad.outcome).toEqual({ exitCode: 2 });
    expect(bad.err.join('\n')).toContain('--port must be a whole number');
  });

  it('explains a missing renderer build instead of crashing', async () => {
    rmSync(join(appRoot, 'out'), { recursive: true });
    const backend = scriptedBackend({});
    const { outcome, err } = await run(['--data-dir', '/d', '--no-open'], backend);
    expect(outcome).toEqual({ exitCode: 1 });
    expect(err.join('\n')).toContain('Build the app first (npm run build)');
    expect(backend.closedCount()).toBe(1);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

// Each test gets its own data folder and its own browser-mode server, started the way a user
// starts it, and waits for the server to say it is ready (never a fixed sleep).

export interface AppServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Starts the server again on the same data folder (a restart of the app). */
  restart(extraArgs?: string[]): Promise<AppServer>;
}

interface Ready {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

function startServer(
  dataDir: string,
  args: string[],
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [
      'out/main/server.js',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-open',
      '--ready-json',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The server did not get ready in 20 s:\n${output}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.startsWith('KPIS_READY '));
      if (line) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line.slice('KPIS_READY '.length)) as Ready });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${String(code)}) before it was ready:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ serverArgs: string[]; app: AppServer }>({
  serverArgs: [[], { option: true }],
  app: async ({ serverArgs }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kpis-e2e-'));
    let current = await startServer(dataDir, serverArgs);
    const wrap = (ready: Ready): AppServer => ({
      ...ready,
      restart: async (extraArgs = []) => {
        await stop(current.child);
        current = await startServer(dataDir, extraArgs);
        return wrap(current.ready);
      },
    });
    await use(wrap(current.ready));
    await stop(current.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * Another browser-mode host on its own data folder (a second laptop), for tests that need two
 * at once; `stop` ends it and removes its folder.
 */
export async function startSecondApp(
  args: string[] = [],
): Promise<AppServer & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpis-e2e-'));
  const { child, ready } = await startServer(dataDir, args);
  return {
    ...ready,
    restart: () => Promise.reject(new Error('A second app is not restarted')),
    stop: async () => {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app in browser mode, which starts on the sample workspace, and waits for it. */
export async function openSample(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
}

/** The sample on its Scorecard tab (a workspace opens on its dashboard). */
export async function openSampleScorecard(page: Page, app: AppServer): Promise<void> {
  await openSample(page, app);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Scorecard' })).toBeVisible();
}

/** Calls the browser-mode API as the page does, failing the test on a refusal. */
/** Fails the test on any uncaught error or unhandled promise rejection in the page. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export function apiCaller(page: Page, app: AppServer) {
  return async (method: string, params: unknown): Promise<unknown> => {
    const response = await page.request.post(`${app.origin}/api/${method}`, {
      headers: { Authorization: `Bearer ${app.token}` },
      data: params,
    });
    const body = (await response.json()) as { ok: boolean; data: unknown };
    expect(body.ok, `${method}: ${JSON.stringify(body)}`).toBe(true);
    return body.data;
  };
}

/** Chooses a command from the workspace's File menu, as a user does. */
export async function chooseFromFileMenu(page: Page, command: string): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: command }).click();
}

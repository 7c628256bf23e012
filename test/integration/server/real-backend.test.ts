import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFileAccess, createBackend } from '../../../electron/backend/index';
import type { Backend } from '../../../electron/backend/platform';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/host';

// The host in front of the real backend: what the renderer and the e2e tests see.

let root: string;
let backend: Backend;
let host: BrowserHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-host-real-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>');
  backend = createBackend({
    mode: 'browser',
    appVersion: '0.1.0',
    dataDir: join(root, 'data'),
    workspacesDir: join(root, 'data', 'workspaces'),
    samplePath: join(process.cwd(), 'resources', 'sample', 'sample-workspace.json'),
    userName: 'tester',
    fileAccess: browserFileAccess({
      uploadDir: join(root, 'data', 'uploads'),
      workspacesDir: join(root, 'data', 'workspaces'),
    }),
    log: () => undefined,
  });
  host = await startBrowserHost({ backend, rendererDir: join(root, 'renderer') });
});

afterAll(async () => {
  await host.close();
  backend.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(method: string, params: unknown, token = host.token) {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('browser host with the real backend', () => {
  it('answers app.info in browser mode', async () => {
    const { status, body } = await call('app.info', {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { mode: 'browser', version: '0.1.0' } });
  });

  it('creates a workspace file through HTTP and reports it as current', async () => {
    mkdirSync(join(root, 'data', 'workspaces'), { recursive: true });
    const path = join(root, 'data', 'workspaces', 'Acme.kpis');
    const created = await call('workspace.create', { name: 'Acme', path });
    expect(created.body).toMatchObject({ ok: true, data: { name: 'Acme', path } });
    const current = await call('workspace.current', {});
    expect(current.body).toMatchObject({ ok: true, data: { path } });
  });

  it('returns the backend validation message for a call of the wrong shape', async () => {
    const { status, body } = await call('workspace.create', { name: 42 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a wrong token before the backend sees anything', async () => {
    const { status, body } = await call('workspace.close', {}, 'wrong');
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const current = await call('workspace.current', {});
    expect(current.body).toMatchObject({ ok: true, data: { name: 'Acme' } });
  });
});

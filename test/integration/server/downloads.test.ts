import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '@shared/api/contract-export';
import { browserFileAccess, createBackend } from '../../../electron/backend/index';
import type { Backend } from '../../../electron/backend/platform';
import { DownloadStore } from '../../../electron/backend/transfer/export/downloads';
import { contentDisposition } from '../../../electron/server/downloads';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/host';
import { rawRequest } from './http';

// Browser mode's exports: written by the backend, fetched once by the page with its token.

let root: string;
let backend: Backend;
let host: BrowserHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-host-downloads-'));
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
  const opened = await backend.dispatch('workspace.openSample', {});
  if (!opened.ok) throw new Error(opened.error.message);
});

afterAll(async () => {
  await host.close();
  backend.close();
  rmSync(root, { recursive: true, force: true });
});

async function exportCsv(): Promise<ExportResult> {
  const result = await backend.dispatch('export.values', {
    format: 'csv',
    layout: 'long',
    destination: { kind: 'download' },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as ExportResult;
}

function download(id: string, headers: Record<string, string> = {}, method = 'GET') {
  return rawRequest(host.port, {
    method,
    path: `/download/${id}`,
    headers: { authorization: `Bearer ${host.token}`, ...headers },
  });
}

describe('browser host: export downloads', () => {
  it('serves an export once, as an attachment under its name, then forgets it', async () => {
    const exported = await exportCsv();
    expect(exported.path).toBeNull();
    expect(exported.fileName).toMatch(
      /^Harbour Street Bakery & Café values \d{4}-\d{2}-\d{2}\.csv$/,
    );
    const response = await download(exported.downloadId ?? '', { origin: host.origin });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.startsWith('\uFEFFKPI,Code,Unit,Period,Value,Status,Comment')).toBe(true);
    expect(Buffer.byteLength(response.body)).toBe(exported.bytes);

    const again = await download(exported.downloadId ?? '');
    expect(again.status).toBe(404);
    expect(again.body).toContain('Export it again');
  });

  it('refuses a request without the token, from another site, or to another host name', async () => {
    const { downloadId } = await exportCsv();
    const id = downloadId ?? '';
    expect((await download(id, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await download(id, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await download(id, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await download(id, { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await download(id, {}, 'POST')).status).toBe(405);
    // None of those used it up: the page can still fetch it.
    expect((await download(id)).status).toBe(200);
  });

  it('answers 404 for ids it never made, including path tricks', async () => {
    for (const id of ['nope', '..%2F..%2Fetc%2Fpasswd', 'A'.repeat(22)])
      expect((await download(id)).status).toBe(404);
  });

  it('drops an export nobody fetched after ten minutes', () => {
    let now = 0;
    const store = new DownloadStore(() => now);
    const pending = store.reserve('a.csv', 'text/csv');
    writeFileSync(pending.path, 'x');
    store.publish(pending);
    now = 10 * 60 * 1000 + 1;
    expect(store.take(pending.id)).toBeNull();
    expect(existsSync(pending.path)).toBe(false);
    store.clear();
  });

  it('names the file for every browser, accents included', () => {
    expect(contentDisposition('Café "Q1".csv')).toBe(
      `attachment; filename="Caf_ _Q1_.csv"; filename*=UTF-8''Caf%C3%A9%20%22Q1%22.csv`,
    );
  });
});

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/host';
import { safeUploadName } from '../../../electron/server/uploads';
import { rawRequest } from './http';

// Browser mode's way of handing a spreadsheet to the import: streamed to the data folder, with
// the API's guards; the answer is the path the import reads.

let root: string;
let host: BrowserHost;
const uploadDir = (): string => join(root, 'uploads');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-host-uploads-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>');
  host = await startBrowserHost({
    backend: {
      dispatch: () => Promise.resolve({ ok: true, data: null }),
      subscribe: () => () => undefined,
    },
    rendererDir: join(root, 'renderer'),
    uploadDir: uploadDir(),
    log: () => undefined,
  });
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function upload(body: string | Buffer, headers: Record<string, string> = {}, name = 'values.csv') {
  return rawRequest(host.port, {
    method: 'POST',
    path: `/upload?name=${encodeURIComponent(name)}`,
    headers: {
      authorization: `Bearer ${host.token}`,
      'content-type': 'application/octet-stream',
      ...headers,
    },
    body,
  });
}

describe('POST /upload', () => {
  it('stores the file and answers with its path', async () => {
    const response = await upload('KPI,Period,Value\nRevenue,2026-01,100\n');
    expect(response.status).toBe(200);
    const { path } = (JSON.parse(response.body) as { data: { path: string } }).data;
    expect(path.startsWith(uploadDir())).toBe(true);
    expect(path.endsWith('values.csv')).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('Revenue,2026-01,100');
  });

  it('keeps a hostile name inside the uploads folder', async () => {
    const response = await upload('x', {}, '../../etc/passwd');
    const { path } = (JSON.parse(response.body) as { data: { path: string } }).data;
    expect(dirname(dirname(path))).toBe(uploadDir());
    expect(safeUploadName('../a/b\u0000.csv')).toBe('.._a_b.csv');
    expect(safeUploadName('..')).toBe('upload');
  });

  it('refuses a missing token, another site, and a form-like body, storing nothing', async () => {
    const before = existsSync(uploadDir()) ? readdirSync(uploadDir()).length : 0;
    expect((await upload('x', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await upload('x', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload('x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(
      (
        await rawRequest(host.port, {
          method: 'GET',
          path: '/upload',
          headers: { authorization: `Bearer ${host.token}` },
        })
      ).status,
    ).toBe(405);
    expect(existsSync(uploadDir()) ? readdirSync(uploadDir()).length : 0).toBe(before);
  });
});

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_CONTENT_TYPE, BATCH_PATH, MAX_BATCH_CALLS } from '@shared/api/batch';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/host';
import { createFakeBackend } from './fake-backend';
import { rawRequest, type RawResponse } from './http';

// Several API calls in one request (shared/api/batch.ts): made in order, each answered as if
// sent alone; a malformed batch makes none; the token is checked as for any call.

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';

let root: string;
let host: BrowserHost;
const backend = createFakeBackend();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-batch-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(
    join(root, 'renderer', 'index.html'),
    '<!doctype html><title>KPI Scorecard</title>',
  );
  host = await startBrowserHost({ backend, rendererDir: join(root, 'renderer'), token: TOKEN });
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function batch(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(host.port, {
    method: 'POST',
    path: BATCH_PATH,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser host: a batch of calls', () => {
  it('makes each call in order and answers each as if it were sent alone', async () => {
    const before = backend.calls.length;
    const response = await batch({
      calls: [
        { method: 'app.info', params: {} },
        { method: 'no.suchMethod', params: {} },
        { method: 'echo', params: { name: 'Revenue', values: [1, 2.5] } },
        { method: 'not a name', params: {} },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toBe(BATCH_CONTENT_TYPE);
    expect(response.body.endsWith('\n')).toBe(true);
    const results = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(results).toEqual([
      { ok: true, data: { version: '9.9.9', mode: 'browser', workspacesDir: '/tmp' } },
      {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: 'There is no API method named no.suchMethod.' },
      },
      { ok: true, data: { name: 'Revenue', values: [1, 2.5] } },
      { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no such API method.' } },
    ]);
    // The name that is not a method name never reaches the backend.
    expect(backend.calls.slice(before).map((call) => call.method)).toEqual([
      'app.info',
      'no.suchMethod',
      'echo',
    ]);
  });

  it('sends each answer as soon as it is ready: a slow call holds back none before it', async () => {
    let finish: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slowBackend = {
      ...createFakeBackend(),
      async dispatch(method: string) {
        if (method === 'slow') await slow;
        return { ok: true as const, data: method };
      },
    };
    const slowHost = await startBrowserHost({
      backend: slowBackend,
      rendererDir: join(root, 'renderer'),
      token: TOKEN,
    });
    try {
      const lines: string[] = [];
      const done = new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({
          calls: [
            { method: 'quick', params: {} },
            { method: 'slow', params: {} },
          ],
        });
        const req = request(
          {
            host: '127.0.0.1',
            port: slowHost.port,
            method: 'POST',
            path: BATCH_PATH,
            headers: {
              host: `127.0.0.1:${String(slowHost.port)}`,
              authorization: `Bearer ${TOKEN}`,
              'content-type': 'application/json',
            },
          },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      // The quick call's answer arrives while the slow one is still being made.
      await expect.poll(() => lines).toEqual([JSON.stringify({ ok: true, data: 'quick' })]);
      finish();
      await done;
      expect(lines).toEqual([
        JSON.stringify({ ok: true, data: 'quick' }),
        JSON.stringify({ ok: true, data: 'slow' }),
      ]);
    } finally {
      finish();
      await slowHost.close();
    }
  });

  it('refuses a malformed batch with a message that says where, and makes none of its calls', async () => {
    const before = backend.calls.length;
    const cases: [unknown, RegExp][] = [
      [{ calls: [{ method: 'app.info', params: {} }, { params: {} }] }, /at calls\[1\]\.method/],
      [{ calls: [] }, /at calls: /],
      [[{ method: 'app.info', params: {} }], /malformed/],
      [{ calls: [{ method: 'app.info', params: {} }], more: true }, /malformed/],
      [
        { calls: Array.from({ length: MAX_BATCH_CALLS + 1 }, () => ({ method: 'app.info' })) },
        /1 to 16 calls/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await batch(body);
      expect(response.status).toBe(400);
      const { ok, error } = JSON.parse(response.body) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(ok).toBe(false);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
    }
    const broken = await batch('{"calls": [');
    expect(broken.status).toBe(400);
    expect(backend.calls.length).toBe(before);
  });

  it('is refused without the token, from another site, or by GET, and reaches nothing', async () => {
    const before = backend.calls.length;
    const body = { calls: [{ method: 'app.info', params: {} }] };
    expect((await batch(body, { authorization: '' })).status).toBe(401);
    expect((await batch(body, { origin: 'https://evil.example' })).status).toBe(403);
    const get = await rawRequest(host.port, {
      method: 'GET',
      path: BATCH_PATH,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(get.status).toBe(405);
    expect(backend.calls.length).toBe(before);
  });
});

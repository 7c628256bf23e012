import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from '../../../electron/server/host';
import { createFakeBackend } from './fake-backend';
import { rawRequest, type RawResponse } from './http';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';

let root: string;
let host: BrowserHost;
let port: number;
const backend = createFakeBackend();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>KPI Scorecard</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  // Named as Vite names what it builds: the content's hash in the name.
  writeFileSync(join(rendererDir, 'assets', 'index-uu5fSB_T.js'), 'console.log("built");');
  writeFileSync(join(rendererDir, 'favicon.ico'), 'icon');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'linked-secret.txt'));
  host = await startBrowserHost({ backend, rendererDir, port: 0, token: TOKEN });
  port = host.port;
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function api(
  method: string,
  body: unknown,
  headers: Record<string, string | number> = {},
): Promise<RawResponse> {
  return rawRequest(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function errorOf(response: RawResponse): { code: string; message: string } {
  const parsed = JSON.parse(response.body) as {
    ok: boolean;
    error: { code: string; message: string };
  };
  expect(parsed.ok).toBe(false);
  return parsed.error;
}

describe('browser host: where it listens', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', () => {
    expect(host.address).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    expect(host.origin).toBe(`http://127.0.0.1:${port}`);
    expect(host.url).toBe(`http://127.0.0.1:${port}/#token=${TOKEN}`);
    expect(port).toBeGreaterThan(0);
  });

  it('makes a fresh 43-character base64url token per launch when none is given', async () => {
    const a = await startBrowserHost({ backend, rendererDir: join(root, 'renderer') });
    const b = await startBrowserHost({ backend, rendererDir: join(root, 'renderer') });
    try {
      expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(b.token).not.toBe(a.token);
      expect(a.port).not.toBe(b.port);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('cannot be reached on another interface address', async () => {
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (!other) return; // a machine with only loopback has nothing else to try
    const { request } = await import('node:http');
    const outcome = await new Promise<string>((resolve) => {
      const req = request({ host: other.address, port, path: '/', timeout: 2000 }, () => {
        resolve('answered');
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        resolve(error.code ?? 'error');
      });
      req.on('timeout', () => {
        req.destroy();
        resolve('timeout');
      });
      req.end();
    });
    expect(outcome).not.toBe('answered');
  });
});

describe('browser host: API access control', () => {
  it('answers with the backend result when the token is right', async () => {
    const response = await api('app.info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      data: { version: '9.9.9', mode: 'browser', workspacesDir: '/tmp' },
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('passes the JSON body to dispatch as the params', async () => {
    const response = await api('echo', { name: 'Revenue', values: [1, 2.5] });
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      data: { name: 'Revenue', values: [1, 2.5] },
    });
    expect(backend.calls.at(-1)).toEqual({
      method: 'echo',
      params: { name: 'Revenue', values: [1, 2.5] },
    });
  });

  it('returns business errors in the envelope with HTTP 200', async () => {
    const response = await api('no.suchMethod', {});
    expect(response.status).toBe(200);
    expect(errorOf(response).code).toBe('UNKNOWN_METHOD');
  });

  it('refuses a call without a token with 401 and never reaches the backend', async () => {
    const before = backend.calls.length;
    const response = await api('app.info', {}, { authorization: '' });
    expect(response.status).toBe(401);
    expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(response).message).toMatch(/token/);
    expect(backend.calls.length).toBe(before);
  });

  it('refuses a wrong token, including one that differs only in its last character', async () => {
    for (const wrong of ['nope', `${TOKEN.slice(0, -1)}X`, `${TOKEN}extra`, TOKEN]) {
      const authorization = wrong === TOKEN ? `Basic ${TOKEN}` : `Bearer ${wrong}`;
      const response = await api('app.info', {}, { authorization });
      expect(response.status).toBe(401);
    }
  });

  it('refuses a foreign Host header (DNS rebinding) on the API and on pages', async () => {
    for (const hostHeader of [
      'evil.example:' + String(port),
      `127.0.0.1:${port + 1}`,
      'evil.example',
    ]) {
      const apiResponse = await api('app.info', {}, { host: hostHeader });
      expect(apiResponse.status).toBe(403);
      expect(errorOf(apiResponse).code).toBe('FORBIDDEN');
      const page = await rawRequest(port, { path: '/', headers: { host: hostHeader } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('<title>');
    }
  });

  it('accepts localhost:<port> as the Host too', async () => {
    const response = await api('app.info', {}, { host: `localhost:${port}` });
    expect(response.status).toBe(200);
  });

  it('refuses a cross-site Origin even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
      const response = await api('app.info', {}, { origin });
      expect(response.status).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
  });

  it('accepts its own origin', async () => {
    const response = await api('app.info', {}, { origin: `http://127.0.0.1:${port}` });
    expect(response.status).toBe(200);
  });

  it('refuses Sec-Fetch-Site: cross-site and same-site, accepts same-origin', async () => {
    expect((await api('app.info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('app.info', {}, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await api('app.info', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a body that is not declared as JSON (no simple cross-site form posts)', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const response = await api('app.info', {}, { 'content-type': contentType });
      expect(response.status).toBe(415);
    }
    const withCharset = await api(
      'app.info',
      {},
      {
        'content-type': 'application/json; charset=utf-8',
      },
    );
    expect(withCharset.status).toBe(200);
  });

  it('answers malformed JSON with a VALIDATION error', async () => {
    const response = await api('app.info', '{"name": ');
    expect(response.status).toBe(400);
    expect(errorOf(response)).toEqual({
      code: 'VALIDATION',
      message: 'The request body is not valid JSON.',
    });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const declared = await rawRequest(port, {
      method: 'POST',
      path: '/api/echo',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'content-length': MAX_BODY_BYTES + 1,
      },
      body: '{}',
    });
    expect(declared.status).toBe(413);
    expect(errorOf(declared).message).toMatch(/too large.*32 MiB/);

    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const streamed = await rawRequest(port, {
      method: 'POST',
      path: '/api/echo',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: Array.from({ length: 33 }, () => chunk),
    });
    expect(streamed.status).toBe(413);
  });

  it('never answers a CORS preflight and never sends Access-Control headers', async () => {
    const preflight = await rawRequest(port, {
      method: 'OPTIONS',
      path: '/api/app.info',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(405);
    const responses = [
      preflight,
      await api('app.info', {}),
      await api('app.info', {}, { origin: 'http://evil.example' }),
      await rawRequest(port, { path: '/' }),
    ];
    for (const response of responses) {
      const corsHeaders = Object.keys(response.headers).filter((name) =>
        name.startsWith('access-control-'),
      );
      expect(corsHeaders).toEqual([]);
    }
  });

  it('refuses GET on the API', async () => {
    const response = await rawRequest(port, {
      path: '/api/app.info',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(405);
  });
});

describe('browser host: static files', () => {
  it('serves index.html for / with the strict CSP and no-store', async () => {
    const response = await rawRequest(port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>KPI Scorecard</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('serves assets with their content type and the token never appears in them', async () => {
    const js = await rawRequest(port, { path: '/assets/app.js?v=1' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawRequest(port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(js.body + css.body).not.toContain(TOKEN);
  });

  it('lets the browser keep a hashed build asset for good, and nothing else', async () => {
    const built = await rawRequest(port, { path: '/assets/index-uu5fSB_T.js' });
    expect(built.status).toBe(200);
    expect(built.body).toBe('console.log("built");');
    expect(built.headers['cache-control']).toBe('max-age=31536000, immutable');
    // Same security headers as the page.
    expect(built.headers['x-content-type-options']).toBe('nosniff');
    // Names without a hash may change in place with the next build: asked again each time.
    for (const path of ['/assets/app.js', '/favicon.ico'])
      expect((await rawRequest(port, { path })).headers['cache-control']).toBe('no-cache');
    expect((await rawRequest(port, { path: '/index.html' })).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await rawRequest(port, { path: '/missing.js' })).status).toBe(404);
    expect((await rawRequest(port, { path: '/assets' })).status).toBe(404);
    expect((await rawRequest(port, { path: '/assets/' })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/linked-secret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const response = await rawRequest(port, { path });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('refuses to change anything through static paths', async () => {
    const response = await rawRequest(port, { method: 'PUT', path: '/index.html', body: 'x' });
    expect(response.status).toBe(405);
  });
});

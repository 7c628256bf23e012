import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSseParser, serverEventFromSse } from '@shared/api/event-stream';
import type { ServerEvent } from '@shared/api/events';
import type { Kpi } from '@shared/domain/entities';
import { browserFileAccess, createBackend } from '../../../electron/backend/index';
import type { Backend } from '../../../electron/backend/platform';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/host';
import { rawRequest } from './http';

// GET /events through the real host and backend: what the page reads to follow changes made by
// itself or by another client, behind the same guards as the API.

let root: string;
let backend: Backend;
let host: BrowserHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpis-events-'));
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
  host = await startBrowserHost({ backend, rendererDir: join(root, 'renderer'), heartbeatMs: 40 });
});

afterAll(async () => {
  await host.close();
  backend.close();
  rmSync(root, { recursive: true, force: true });
});

async function call<T>(method: string, params: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
}

/** Opens the stream as the page does and collects what arrives, comments included. */
async function openStream() {
  const controller = new AbortController();
  const response = await fetch(`${host.origin}/events`, {
    headers: { authorization: `Bearer ${host.token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ServerEvent[] = [];
  let raw = '';
  const parser = createSseParser((message) => {
    const event = serverEventFromSse(message);
    if (event) events.push(event);
  });
  const body = response.body;
  if (!body) throw new Error('no body');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      raw += chunk.value;
      parser.push(chunk.value);
    }
  })();
  return {
    events,
    raw: () => raw,
    done,
    close: () => {
      controller.abort();
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('browser host: the event stream', () => {
  it('pushes the change a value.set made, and the workspace another client opened', async () => {
    const stream = await openStream();
    await call('workspace.openSample', {});
    await until(() => stream.events.some((e) => e.name === 'workspace'), 'the workspace event');

    const kpis = await call<Kpi[]>('kpi.list', {});
    const kpi = kpis.find((candidate) => candidate.formula === null);
    if (!kpi) throw new Error('the sample has no plain KPI');
    stream.events.length = 0;
    await call('value.set', { kpiId: kpi.id, period: '2026-01', value: 36 });
    await until(() => stream.events.length > 0, 'the changed event');
    const scorecards = await call<{ id: string }[]>('scorecard.list', {});
    // The scorecards the value moves: some of the sample's, never none.
    expect(stream.events).toHaveLength(1);
    const [event] = stream.events;
    expect(event?.name === 'changed' ? event.payload.entities : null).toEqual(['value']);
    const named = event?.name === 'changed' ? (event.payload.scorecardIds ?? []) : [];
    expect(named.length).toBeGreaterThan(0);
    expect(scorecards.map((card) => card.id)).toEqual(expect.arrayContaining(named));
    stream.close();
  });

  it('sends keep-alive comments while nothing happens', async () => {
    const stream = await openStream();
    await until(() => stream.raw().includes(': keep-alive'), 'a heartbeat');
    expect(stream.events).toEqual([]);
    stream.close();
  });

  it('refuses a missing or wrong token, a foreign Origin or Host, and anything but GET', async () => {
    const path = '/events';
    const auth = { authorization: `Bearer ${host.token}` };
    const port = host.port;
    expect((await rawRequest(port, { path })).status).toBe(401);
    expect(
      (await rawRequest(port, { path, headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    const foreignOrigin = await rawRequest(port, {
      path,
      headers: { ...auth, origin: 'http://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body).toMatch(/another web site/);
    const crossSite = await rawRequest(port, {
      path,
      headers: { ...auth, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const foreignHost = await rawRequest(port, {
      path,
      headers: { ...auth, host: `evil.example:${port}` },
    });
    expect(foreignHost.status).toBe(403);
    expect((await rawRequest(port, { path, method: 'POST', headers: auth })).status).toBe(405);
  });

  it('ends open streams when the host closes, promptly', async () => {
    const other = await startBrowserHost({ backend, rendererDir: join(root, 'renderer') });
    const response = await fetch(`${other.origin}/events`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    const rest = await reader.read().catch(() => ({ done: true }));
    expect(rest.done).toBe(true);
  });
});

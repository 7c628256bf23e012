import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_CONTENT_TYPE } from '@shared/api/batch';
import type { ApiResult } from '@shared/api/errors';

// Browser mode sends the calls made inside `together` in one request (renderer/src/api/
// transport.ts, shared/api/batch.ts), and hands each call its own answer.

interface Sent {
  path: string;
  body: unknown;
}

let sent: Sent[];
let answer: (path: string, body: unknown) => { status: number; body: unknown };

beforeEach(() => {
  vi.resetModules();
  sent = [];
  answer = (path, body) => ({
    status: 200,
    body:
      path === '/api/_batch'
        ? (body as { calls: { method: string }[] }).calls.map(({ method }) => ({
            ok: true,
            data: method,
          }))
        : { ok: true, data: path.slice('/api/'.length) },
  });
  vi.stubGlobal('window', {
    location: { hash: '#token=abc', pathname: '/', search: '' },
    addEventListener: () => undefined,
  });
  const storage = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  vi.stubGlobal('history', { replaceState: () => undefined });
  vi.stubGlobal('fetch', (path: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as unknown;
    sent.push({ path, body });
    const reply = answer(path, body);
    return Promise.resolve(
      Array.isArray(reply.body)
        ? // A batch's answers: one JSON line each, here in pieces cut across the lines.
          new Response(pieces(reply.body.map((entry) => `${JSON.stringify(entry)}\n`).join('')), {
            status: reply.status,
            headers: { 'Content-Type': BATCH_CONTENT_TYPE },
          })
        : Response.json(reply.body, { status: reply.status }),
    );
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A body sent in pieces of 7 characters. */
function pieces(text: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= text.length) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(text.slice(at, at + 7)));
      at += 7;
    },
  });
}

async function browserMode() {
  const transport = await import('../../../renderer/src/api/transport');
  const picked = transport.pickTransport();
  if (picked.kind !== 'browser') throw new Error(`expected browser mode, got ${picked.kind}`);
  return { together: transport.together, call: picked.transport };
}

describe('calls sent together in browser mode', () => {
  it('go in one request, in order, and each gets its own answer', async () => {
    const { together, call } = await browserMode();
    const answers = together(() => [
      call('settings.get', {}),
      call('workspace.current', undefined),
      call('scorecard.evaluate', { id: 's1' }),
    ]);
    expect(await Promise.all(answers)).toEqual([
      { ok: true, data: 'settings.get' },
      { ok: true, data: 'workspace.current' },
      { ok: true, data: 'scorecard.evaluate' },
    ]);
    expect(sent).toEqual([
      {
        path: '/api/_batch',
        body: {
          calls: [
            { method: 'settings.get', params: {} },
            { method: 'workspace.current', params: {} },
            { method: 'scorecard.evaluate', params: { id: 's1' } },
          ],
        },
      },
    ]);
  });

  it('go alone when there is one, and outside `together` each goes alone', async () => {
    const { together, call } = await browserMode();
    await together(() => call('settings.get', {}));
    await Promise.all([call('kpi.list', {}), call('scorecard.list', {})]);
    expect(sent.map(({ path }) => path)).toEqual([
      '/api/settings.get',
      '/api/kpi.list',
      '/api/scorecard.list',
    ]);
  });

  it('join the outer batch when `together` is nested', async () => {
    const { together, call } = await browserMode();
    const answers = together(() => [
      call('settings.get', {}),
      ...together(() => [call('kpi.list', {}), call('scorecard.list', {})]),
    ]);
    await Promise.all(answers);
    expect(sent).toHaveLength(1);
    expect((sent[0]?.body as { calls: unknown[] }).calls).toHaveLength(3);
  });

  it('each get the refusal of a batch refused whole, and a refused token is heard', async () => {
    const refusal: ApiResult<never> = {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'The access token is missing or wrong.' },
    };
    answer = () => ({ status: 401, body: refusal });
    const { together, call } = await browserMode();
    const { useAccessStore } = await import('../../../renderer/src/api/access-store');
    const answers = together(() => [call('settings.get', {}), call('kpi.list', {})]);
    expect(await Promise.all(answers)).toEqual([refusal, refusal]);
    expect(useAccessStore.getState().refused).toBe(true);
  });

  it('each get an answer that came, and the rest fail, when the batch ends early', async () => {
    answer = () => ({ status: 200, body: [{ ok: true, data: 'settings.get' }] });
    const { together, call } = await browserMode();
    const [first, second] = together(() => [call('settings.get', {}), call('kpi.list', {})]);
    expect(await first).toEqual({ ok: true, data: 'settings.get' });
    await expect(second).rejects.toThrow(/ended early/);
  });
});

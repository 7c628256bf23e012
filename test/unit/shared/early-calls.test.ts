import { describe, expect, it } from 'vitest';
import { createApiClient } from '@shared/api/client';
import type { ApiResult } from '@shared/api/errors';
import { withEarlyCalls } from '@shared/api/early-calls';

// The page's first reads go out before its views mount (issue 19); a view then gets the answer
// already on its way, once, and never one older than a change it could have heard of.

function backend() {
  const calls: { method: string; params: unknown }[] = [];
  let scorecards = ['Company'];
  let open = true;
  const client = createApiClient((method, params): Promise<ApiResult<unknown>> => {
    calls.push({ method, params });
    if (!open)
      return Promise.resolve({
        ok: false,
        error: { code: 'NO_WORKSPACE', message: 'No workspace is open.' },
      });
    return Promise.resolve({ ok: true, data: [...scorecards] });
  });
  return {
    calls,
    client,
    add(name: string) {
      scorecards = [...scorecards, name];
    },
    setOpen(value: boolean) {
      open = value;
    },
  };
}

describe('early calls', () => {
  it('hands the early answer to the first call asking the same, and asks again after', async () => {
    const server = backend();
    const early = withEarlyCalls(server.client);
    void early.send('scorecard.list', {});
    server.add('Sales');
    // Sent before Sales was added: the first caller gets what was read then, with one call.
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company']);
    expect(server.calls).toHaveLength(1);
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company', 'Sales']);
    expect(server.calls).toHaveLength(2);
  });

  it('lets the sender look at the answer without taking it', async () => {
    const server = backend();
    const early = withEarlyCalls(server.client);
    expect(await early.send('scorecard.list', {})).toEqual(['Company']);
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company']);
    expect(server.calls).toHaveLength(1);
  });

  it('asks the backend again after the sender dropped the answer it used, and drops nothing more', async () => {
    const server = backend();
    const early = withEarlyCalls(server.client);
    expect(await early.send('scorecard.list', {})).toEqual(['Company']);
    server.add('Sales');
    early.drop('scorecard.list', {});
    // Dropping asks nothing, and a second drop with nothing kept neither.
    early.drop('scorecard.list', {});
    expect(server.calls).toHaveLength(1);
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company', 'Sales']);
    expect(server.calls).toHaveLength(2);
  });

  it('does not hand an early answer to a call with other params', async () => {
    const server = backend();
    const early = withEarlyCalls(server.client);
    void early.send('kpi.list', { scorecardId: 'a' });
    await early.api.call('kpi.list', { scorecardId: 'b' });
    expect(server.calls.map((call) => call.params)).toEqual([
      { scorecardId: 'a' },
      { scorecardId: 'b' },
    ]);
  });

  it('drops a failed early read, so a later call asks again and gets its own answer', async () => {
    const server = backend();
    server.setOpen(false);
    const early = withEarlyCalls(server.client);
    void early.send('scorecard.list', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.setOpen(true);
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company']);
    expect(server.calls).toHaveLength(2);
  });

  it('gives a failure to the caller who took it while it was on its way', async () => {
    const server = backend();
    server.setOpen(false);
    const early = withEarlyCalls(server.client);
    void early.send('scorecard.list', {});
    await expect(early.api.call('scorecard.list', {})).rejects.toMatchObject({
      code: 'NO_WORKSPACE',
    });
    expect(server.calls).toHaveLength(1);
  });

  it('forgets kept answers once the data may have changed', async () => {
    const server = backend();
    const early = withEarlyCalls(server.client);
    void early.send('scorecard.list', {});
    server.add('Sales');
    early.forget();
    expect(await early.api.call('scorecard.list', {})).toEqual(['Company', 'Sales']);
    expect(server.calls).toHaveLength(2);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import { useSyncServer } from './sync-server';

// A server that asks for passwords: the dialogs' refusals name the password field, the password
// is never in the workspace file, a restarted app says "password needed" instead of failing
// silently and carries on once it is given. And a conflict settled by keeping one side: gone
// from the list at once, and on the other laptop after its sync.

const server = useSyncServer({
  roles: "CREATE ROLE alice LOGIN PASSWORD 'alice-pw'; CREATE ROLE bob LOGIN PASSWORD 'bob-pw';",
  passwords: true,
});

const withPw = (user: string, password: string) =>
  server.urlFor(user).replace(`${user}@`, `${user}:${encodeURIComponent(password)}@`);

const valueOf = async (t: TestBackend, kpiId: string, period: string) =>
  (await t.call('value.list', { kpiIds: [kpiId] })).find((v) => v.period === period)?.value ?? null;

describe('a server that asks for a password', () => {
  it('refusals name the password field; the file never holds it; a restart asks for it', async () => {
    const a = await withScorecard();
    const noPassword = await a.fail('sync.share', { url: server.urlFor('alice'), space: 'pw' });
    expect(noPassword).toMatchObject({ code: 'SYNC_REFUSED', field: 'password' });
    expect(noPassword.message).toMatch(/password/u);
    const wrong = await a.fail('sync.share', { url: withPw('alice', 'nope'), space: 'pw' });
    expect(wrong).toMatchObject({ code: 'SYNC_REFUSED', field: 'password' });
    expect(await a.call('sync.status', {})).toBeNull();

    await a.call('sync.share', { url: withPw('alice', 'alice-pw'), space: 'pw' });
    // Kept for the session: the next sync needs no password.
    expect(await a.call('sync.run', {})).toMatchObject({ state: 'idle', lastError: null });
    const path = a.workspace.path;
    a.backend.close();
    expect(readFileSync(path).includes('alice-pw')).toBe(false);

    // A restart (browser mode keeps passwords in memory): the status says what is needed.
    const restarted = makeBackend();
    await restarted.call('workspace.open', { path });
    const refused = await restarted.fail('sync.run', {});
    expect(refused).toMatchObject({ field: 'password' });
    expect(await restarted.call('sync.status', {})).toMatchObject({
      state: 'password-needed',
      lastError: null,
    });
    expect(await restarted.fail('sync.run', { password: 'wrong' })).toMatchObject({
      field: 'password',
    });
    expect(await restarted.call('sync.run', { password: 'alice-pw' })).toMatchObject({
      state: 'idle',
    });
    expect(await restarted.call('sync.run', {})).toMatchObject({ lastError: null });
    expect(await restarted.call('sync.status', {})).toMatchObject({ state: 'idle' });
  });
});

describe('reviewing a conflict', () => {
  it('keeping the side that lost writes it again, settles it here at once and there after a sync', async () => {
    const a = await withScorecard();
    const kpi = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Revenue' });
    const alice = withPw('alice', 'alice-pw');
    const progress: unknown[] = [];
    a.backend.subscribe((event) => {
      if (event.name === 'progress') progress.push(event.payload);
    });
    await a.call('sync.share', { url: alice, space: 'review' });
    // The share dialog follows the pages sent (the KPI, its objective, the scorecard...).
    expect(progress).toContainEqual(
      expect.objectContaining({ job: 'sync', id: 'review', phase: 'sending' }),
    );
    await a.call('sync.setMember', { url: alice, space: 'review', member: 'bob', role: 'editor' });
    const b = makeBackend();
    await b.call('sync.join', {
      url: withPw('bob', 'bob-pw'),
      space: 'review',
      path: join(b.dir, 'b.kpis'),
    });
    // The same value on both, neither having seen the other's.
    await a.call('value.set', { kpiId: kpi.id, period: '2026-03', value: 100 });
    await new Promise((done) => setTimeout(done, 5));
    await b.call('value.set', { kpiId: kpi.id, period: '2026-03', value: 120 });
    await a.call('sync.run', {});
    await b.call('sync.run', {});
    await a.call('sync.run', {});
    const [conflict] = await a.call('sync.conflicts', {});
    const lost = conflict?.sides.find((s) => !s.current);
    expect(lost).toMatchObject({ author: 'alice', value: { value: 100 } });

    const left = await a.call('sync.resolve', { changeId: lost?.changeId ?? '' });
    expect(left).toEqual({ conflicts: 0 });
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect(await valueOf(a, kpi.id, '2026-03')).toBe(100);
    // Logged like any edit: the value's history has the new change on top.
    const history = await a.call('value.history', { kpiId: kpi.id, period: '2026-03' });
    expect(history).toHaveLength(3);
    expect(await a.call('sync.status', {})).toMatchObject({ waiting: 1, conflicts: 0 });

    await a.call('sync.run', {});
    expect(await b.call('sync.run', {})).toMatchObject({ conflicts: 0, received: 1 });
    expect(await valueOf(b, kpi.id, '2026-03')).toBe(100);

    // A side of a conflict that is settled already is refused, and nothing changes.
    expect(await a.fail('sync.resolve', { changeId: lost?.changeId ?? '' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'changeId',
    });
  });
});

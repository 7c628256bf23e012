import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '@shared/api/events';
import { initServer } from '../../../electron/backend/sync/server';
import { makeBackend, withScorecard, type TestBackend } from '../backend/helpers';
import { psql, startPostgres, type TestPostgres } from '../../fixtures/postgres';
import { dumpBoth } from './files';

// Everything a workspace holds travels and is applied on the other laptop: action plans,
// reminder settings, report options, the strategy map, health dismissals and the workspace's
// own settings, edited offline on two laptops; then the two files are compared table by table
// and history by history. Two records claiming one unique name (a KPI code, a link between the
// same two objectives, the same finding dismissed) and deletes met by edits elsewhere follow
// the stated rules on both.

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
  psql(server, 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;');
  await initServer(server.url);
}, 60_000);
afterAll(() => {
  server.stop();
});

const pause = () => new Promise((done) => setTimeout(done, 5));

/** Alice's workspace shared as `space`, and Bob's laptop joined to it. */
async function twoLaptops(space: string) {
  const a = await withScorecard();
  const [financial = '', customer = ''] = a.perspectiveIds;
  const other = await a.call('objective.create', { perspectiveId: customer, name: 'Keep clients' });
  const revenue = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Revenue' });
  const costs = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Costs' });
  await a.call('sync.share', { url: server.urlFor('alice'), space });
  await a.call('sync.setMember', {
    url: server.urlFor('alice'),
    space,
    member: 'bob',
    role: 'editor',
  });
  const b = makeBackend();
  await b.call('sync.join', {
    url: server.urlFor('bob'),
    space,
    path: join(b.dir, 'bob.kpis'),
  });
  const sync = {
    a: () => a.call('sync.run', { url: server.urlFor('alice') }),
    b: () => b.call('sync.run', { url: server.urlFor('bob') }),
  };
  return { a, b, sync, financial, other, revenue, costs };
}

/** What a laptop's screens would announce during `work`. */
async function announced(t: TestBackend, work: () => Promise<unknown>): Promise<Set<string>> {
  const events: ServerEvent[] = [];
  const stop = t.backend.subscribe((event) => events.push(event));
  try {
    await work();
  } finally {
    stop();
  }
  return new Set(
    events.flatMap((event) => (event.name === 'changed' ? event.payload.entities : [])),
  );
}

describe('every kind applied on the other laptop', () => {
  it('converges action plans, reminders, report options, map, dismissals and settings edited offline on both', async () => {
    const { a, b, sync, other, revenue, costs } = await twoLaptops('kinds');
    // Before going offline: things both then edit.
    const plan = await a.call('actionPlan.create', { kpiId: revenue.id, title: 'Call clients' });
    const link = await a.call('link.create', {
      fromObjectiveId: a.objective.id,
      toObjectiveId: other.id,
    });
    const findings = (await a.call('health.check', {})).findings.map((f) => f.key);
    const [firstKey = '', secondKey = ''] = findings;
    await a.call('health.dismiss', { key: firstKey, reason: 'Known' });
    await a.call('reminders.setReview', { scorecardId: a.scorecard.id, cadence: 'monthly' });
    await a.call('reminders.setDefaults', { enabled: true, graceDays: 3, timeOfDay: '09:00' });
    await sync.a();
    await sync.b();
    const [sharedA, sharedB] = await dumpBoth(a, b);
    expect(sharedB.tables).toEqual(sharedA.tables);

    // Offline, Alice…
    await a.call('actionPlan.update', { id: plan.id, title: 'Call every client' });
    await a.call('link.update', { id: link.id, label: 'drives' });
    await a.call('strategyMap.setPositions', {
      scorecardId: a.scorecard.id,
      positions: [{ objectiveId: a.objective.id, x: 10, y: 20 }],
    });
    await a.call('reminders.setDefaults', { enabled: true, graceDays: 5, timeOfDay: '09:00' });
    await a.call('report.options.set', { paper: 'Letter' });
    await a.call('reminders.setKpiOverride', {
      kpiId: revenue.id,
      mode: 'custom',
      graceDays: 2,
      timeOfDay: '08:00',
    });
    await a.call('workspace.rename', { name: 'Acme Group' });
    await a.call('health.dismiss', { key: secondKey, reason: 'Later' });
    await pause();
    // …and Bob, on other fields of the same records (the form sends every field; only those
    // changed count) and on records of his own.
    await b.call('actionPlan.update', { id: plan.id, status: 'in_progress' });
    await b.call('reminders.setDefaults', { enabled: true, graceDays: 3, timeOfDay: '10:00' });
    await b.call('report.options.set', { includeChildren: true });
    await b.call('reminders.setReview', {
      scorecardId: a.scorecard.id,
      cadence: 'monthly',
      leadDays: 3,
    });
    await b.call('strategyMap.setPositions', {
      scorecardId: a.scorecard.id,
      positions: [{ objectiveId: other.id, x: 30, y: 40 }],
    });
    const bobsPlan = await b.call('actionPlan.create', { kpiId: costs.id, title: 'Cut travel' });
    await b.call('health.restore', { key: firstKey });
    await b.call('workspace.setFiscalYearStart', { month: 4 });

    await sync.a();
    await sync.b();
    const kinds = await announced(a, sync.a);
    // Alice's screens follow what Bob changed.
    for (const kind of [
      'action_plan',
      'reminder_defaults',
      'report_options',
      'review_schedule',
      'map_position',
      'health_dismissal',
      'workspace',
    ])
      expect(kinds).toContain(kind);

    const [left, right] = await dumpBoth(a, b);
    expect(right.tables).toEqual(left.tables);
    expect(right.history).toEqual(left.history);

    // What each laptop sees, merged field by field.
    for (const t of [a, b]) {
      const plans = await t.call('actionPlan.list', {});
      expect(plans.map((p) => [p.title, p.status]).sort()).toEqual([
        ['Call every client', 'in_progress'],
        ['Cut travel', 'planned'],
      ]);
      expect(plans.find((p) => p.id === bobsPlan.id)?.kpiId).toBe(costs.id);
      const settings = await t.call('reminders.settings', {});
      expect(settings.dataDue).toEqual({ enabled: true, graceDays: 5, timeOfDay: '10:00' });
      expect(settings.overrides).toEqual([
        { kpiId: revenue.id, mode: 'custom', graceDays: 2, timeOfDay: '08:00' },
      ]);
      expect(settings.reviews.map((r) => [r.scorecardId, r.leadDays])).toEqual([
        [a.scorecard.id, 3],
      ]);
      expect(await t.call('report.options.get', {})).toMatchObject({
        paper: 'Letter',
        includeChildren: true,
      });
      expect(await t.call('workspace.current', {})).toMatchObject({
        name: 'Acme Group',
        fiscalYearStartMonth: 4,
      });
      const links = await t.call('link.list', {});
      expect(links.map((l) => l.label)).toEqual(['drives']);
      const map = await t.call('strategyMap.get', {
        scorecardId: a.scorecard.id,
        view: { frequency: 'month', basis: 'calendar' },
      });
      expect(map.positions.map((p) => [p.objectiveId, p.x, p.y]).sort()).toEqual(
        [
          [a.objective.id, 10, 20],
          [other.id, 30, 40],
        ].sort(),
      );
      const health = await t.call('health.check', {});
      expect(health.dismissed.map((d) => [d.key, d.dismissal.reason])).toEqual([
        [secondKey, 'Later'],
      ]);
    }
  });
});

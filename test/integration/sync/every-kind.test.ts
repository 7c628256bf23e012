import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '@shared/api/events';
import { ChangeLog } from '../../../electron/backend/store/change-log';
import { ValueWriter } from '../../../electron/backend/store/value-writer';
import { syncWorkspace } from '../../../electron/backend/sync/engine';
import type { TestBackend } from '../backend/helpers';
import { useSyncServer } from './sync-server';
import { dumpBoth, dumpFile } from './files';
import { pause, replayInPages, twoLaptops } from './two-laptops';

// Everything a workspace holds travels and is applied on the other laptop: action plans,
// reminder settings, report options, the strategy map, health dismissals and the workspace's
// own settings, edited offline on two laptops; then the two files are compared table by table
// and history by history. Deletes met by edits elsewhere follow the stated rule on both, and an
// edit made while a sync waits is not taken for one that saw what the sync brought.

const server = useSyncServer({
  roles: 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;',
});

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
    const { a, b, sync, other, revenue, costs } = await twoLaptops(server, 'kinds');
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
    for (const size of [1, 3])
      expect(dumpFile(await replayInPages(server, 'kinds', size)).tables).toEqual(left.tables);

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

  it('lets a KPI or objective deleted on one laptop win over edits of what hangs from it on the other', async () => {
    const { a, b, sync, other, revenue, costs } = await twoLaptops(server, 'deletes');
    const child = await a.call('kpi.create', { objectiveId: a.objective.id, name: 'Travel' });
    const plan = await a.call('actionPlan.create', { kpiId: costs.id, title: 'Cut costs' });
    const link = await a.call('link.create', {
      fromObjectiveId: a.objective.id,
      toObjectiveId: other.id,
    });
    await a.call('value.set', { kpiId: costs.id, period: '2026-01', value: 50 });
    await sync.a();
    await sync.b();
    // A value of Costs edited on both: listed for review on both…
    await a.call('value.set', { kpiId: costs.id, period: '2026-02', value: 51 });
    await b.call('value.set', { kpiId: costs.id, period: '2026-02', value: 52 });
    await sync.a();
    await sync.b();
    expect(await a.call('sync.run', { url: server.urlFor('alice') })).toMatchObject({
      conflicts: 1,
    });

    // Alice deletes Costs and the objective Keep clients…
    await a.call('kpi.delete', { id: costs.id });
    await a.call('objective.delete', { id: other.id });
    await pause();
    // …while Bob, offline, hangs Travel under Costs, edits Costs' plan, uses Costs in a
    // formula, labels the link and places Keep clients on the map.
    await b.call('kpi.setParent', { id: child.id, parentKpiId: costs.id });
    await b.call('actionPlan.update', { id: plan.id, status: 'done' });
    const margin = await b.call('kpi.create', {
      objectiveId: a.objective.id,
      name: 'Margin',
      formula: 'revenue - costs',
    });
    await b.call('value.set', { kpiId: revenue.id, period: '2026-01', value: 80 });
    await b.call('link.update', { id: link.id, label: 'feeds' });
    await b.call('strategyMap.setPositions', {
      scorecardId: a.scorecard.id,
      positions: [{ objectiveId: other.id, x: 1, y: 2 }],
    });

    // …until Costs is deleted: nothing left to settle it on, on either laptop.
    expect(await sync.a()).toMatchObject({ conflicts: 0 });
    expect(await sync.b()).toMatchObject({ conflicts: 0 });
    await sync.a();
    const [left, right] = await dumpBoth(a, b);
    expect(right.tables).toEqual(left.tables);
    expect(right.history).toEqual(left.history);
    for (const size of [1, 3])
      expect(dumpFile(await replayInPages(server, 'deletes', size)).tables).toEqual(left.tables);

    for (const t of [a, b]) {
      const kpis = await t.call('kpi.list', {});
      // Costs is gone with its plan and values; Travel stays, detached; Margin stays.
      expect(kpis.map((k) => [k.name, k.parentKpiId]).sort()).toEqual(
        [
          ['Margin', null],
          ['Revenue', null],
          ['Travel', null],
        ].sort(),
      );
      expect(await t.call('actionPlan.list', {})).toEqual([]);
      expect(await t.call('link.list', {})).toEqual([]);
      const values = await t.call('value.list', {});
      expect(values.map((v) => [v.kpiId, v.value])).toEqual([[revenue.id, 80]]);
      // Margin's formula names a KPI that is gone: it shows no data rather than failing.
      const view = await t.call('scorecard.evaluate', { id: a.scorecard.id, period: '2026-01' });
      const row = view.perspectives
        .flatMap((p) => p.objectives)
        .flatMap((o) => o.kpis)
        .find((k) => k.kpi.id === margin.id);
      expect(row?.kpi.formula).toBe('revenue - costs');
      expect(row?.evaluation.value).toBeNull();
      // …and the health check says so, one click from the formula.
      const health = await t.call('health.check', {});
      expect(
        health.findings.find((f) => f.key === `formula_unknown_input:${margin.id}`),
      ).toMatchObject({
        message: "Margin's formula names costs, which no KPI has (deleted?)",
      });
      // Bob's edit lost to the delete: nothing left to review (the edit is in the history).
      expect(await t.call('sync.conflicts', {})).toEqual([]);
    }
    // What went is still in the history: Costs' value, Bob's edit of the plan.
    const history = left.history as {
      entity: string;
      entity_id: string;
      new_value: string | null;
    }[];
    expect(history.some((e) => e.entity === 'value' && e.entity_id === `${costs.id}/2026-01`)).toBe(
      true,
    );
    expect(history.some((e) => e.entity === 'action_plan' && e.new_value?.includes('"done"'))).toBe(
      true,
    );
  });
});

describe('an edit made while a sync waits on the server', () => {
  it('is stamped as not having seen what that sync brings, so both edits are listed for review', async () => {
    const { a, b, sync, revenue } = await twoLaptops(server, 'waiting');
    await a.call('value.set', { kpiId: revenue.id, period: '2026-01', value: 1 });
    await sync.a();
    await sync.b();
    await b.call('value.set', { kpiId: revenue.id, period: '2026-01', value: 5 });
    await sync.b();
    await pause();

    // Alice's laptop starts a sync; while it waits on the server she types 9 over the 1.
    const path = a.workspace.path;
    a.backend.close();
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    try {
      const running = syncWorkspace(db, server.urlFor('alice'), {
        device: 'alice-laptop',
        now: () => new Date(),
      });
      const changes = new ChangeLog(db, 'alice-laptop', () => new Date().toISOString());
      db.transaction(() => {
        new ValueWriter(db, changes, 'Alice', new Date().toISOString()).set({
          kpiId: revenue.id,
          period: '2026-01',
          value: 9,
        });
      })();
      // Her 9 did not see Bob's 5: both are listed, hers (the newer) shown, and it is sent.
      expect(await running).toMatchObject({ received: 1, conflicts: 1, waiting: 0 });
    } finally {
      db.close();
    }
    expect(await sync.b()).toMatchObject({ conflicts: 1 });
    const values = await b.call('value.list', { kpiIds: [revenue.id] });
    expect(values.map((v) => v.value)).toEqual([9]);
    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict?.sides.map((side) => (side.value as { value: number }).value).sort()).toEqual([
      5, 9,
    ]);
  });
});

import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MethodParams } from '@shared/api/contract';
import { makeBackend, tempDir } from '../backend/helpers';

// Off-track alerts on a real workspace file: values entered through the API turn a KPI off
// track, the alert is claimed once, and a restart (the workspace then read from the recent
// list, not open) does not show it again.

const ZONE = 'Europe/Berlin';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();
const where = { timeZone: ZONE, locale: 'en-GB' };

/** A KPI the tests create in their objective: its definition less the objective. */
type KpiInput = Omit<MethodParams<'kpi.create'>, 'objectiveId'>;

const REVENUE: KpiInput = { name: 'Revenue', frequency: 'monthly', owner: 'Ana', target: 100 };

/** A new workspace "Acme" with one objective holding one KPI, on a clock the test moves. */
async function acme(start: string, objectiveName: string, kpiInput: KpiInput) {
  const dir = tempDir();
  const clock = { now: at(start) };
  const t = makeBackend({ dir, now: () => clock.now });
  const path = join(dir, 'Acme.kpis');
  await t.call('workspace.create', { name: 'Acme', path });
  await t.call('scorecard.create', { name: 'Company' });
  const scorecard = (await t.call('scorecard.list', {}))[0];
  const view = await t.call('scorecard.evaluate', { id: scorecard?.id ?? '' });
  const objective = await t.call('objective.create', {
    perspectiveId: view.perspectives[0]?.perspective.id ?? '',
    name: objectiveName,
  });
  const kpi = await t.call('kpi.create', { ...kpiInput, objectiveId: objective.id });
  return { dir, clock, t, path, kpi };
}

describe('off-track alerts', () => {
  it('a value that turns a KPI off track is notified once, across a restart, and listed until handled', async () => {
    const {
      dir,
      clock,
      t,
      path,
      kpi: revenue,
    } = await acme('2026-04-01T08:00', 'Grow revenue', REVENUE);
    await t.call('reminders.claimDue', where);

    clock.now = at('2026-04-02T10:00');
    await t.call('value.set', { kpiId: revenue.id, period: '2026-02', value: 100 });
    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 50 });
    const alertsOf = async (backend = t) =>
      (await backend.call('reminders.inbox', where)).items.filter((i) => i.kind === 'alert');
    const listed = await alertsOf();
    expect(listed.map((i) => [i.title, i.alert?.status, i.kpiId, i.state])).toEqual([
      ['Revenue went off track in Mar 2026', 'off_track', revenue.id, 'due'],
    ]);
    expect(listed[0]?.detail).toBe(
      'On track in Feb 2026 · value 50 against target 100 · Owner: Ana',
    );

    clock.now = at('2026-04-02T10:05');
    const claimed = await t.call('reminders.claimDue', where);
    expect(claimed.notices.map((n) => [n.title, n.kpiId, n.workspacePath])).toEqual([
      ['Revenue went off track in Mar 2026', revenue.id, path],
    ]);
    expect((await t.call('reminders.claimDue', where)).notices).toEqual([]);

    // A restart: the workspace is now only in the recent list, read for a moment.
    t.backend.close();
    clock.now = at('2026-04-02T11:00');
    const restarted = makeBackend({ dir, now: () => clock.now });
    expect((await restarted.call('reminders.claimDue', where)).notices).toEqual([]);
    expect((await alertsOf(restarted)).map((i) => i.title)).toEqual([
      'Revenue went off track in Mar 2026',
    ]);

    // Back on track: the alert has nothing left to say and leaves the inbox on its own.
    await restarted.call('workspace.open', { path });
    await restarted.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 100 });
    expect(await alertsOf(restarted)).toEqual([]);
    restarted.backend.close();
  });

  // The inbox is read by every page load and after every change; the open workspace's scored
  // snapshot is kept while its data is unchanged. What changed since must still show at once:
  // a value written, a new day.
  it('the inbox read again follows a value written since and the day it is', async () => {
    const { clock, t, kpi: revenue } = await acme('2026-04-02T10:00', 'Grow revenue', REVENUE);
    const alertTitles = async () =>
      (await t.call('reminders.inbox', where)).items
        .filter((item) => item.kind === 'alert')
        .map((item) => item.title);

    await t.call('value.set', { kpiId: revenue.id, period: '2026-02', value: 100 });
    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 50 });
    expect(await alertTitles()).toEqual(['Revenue went off track in Mar 2026']);
    expect(await alertTitles()).toEqual(['Revenue went off track in Mar 2026']);

    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 120 });
    expect(await alertTitles()).toEqual([]);
    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 40 });
    expect(await alertTitles()).toEqual(['Revenue went off track in Mar 2026']);

    // A value entered ahead, for May, is no news until May is the period looked at.
    await t.call('value.set', { kpiId: revenue.id, period: '2026-03', value: 100 });
    await t.call('value.set', { kpiId: revenue.id, period: '2026-05', value: 30 });
    expect(await alertTitles()).toEqual([]);
    clock.now = at('2026-06-10T10:00');
    expect(await alertTitles()).toEqual(['Revenue went off track in May 2026']);
    t.backend.close();
  });

  it('an alert can be snoozed and dismissed like a reminder', async () => {
    const {
      clock,
      t,
      kpi: churn,
    } = await acme('2026-04-01T08:00', 'Keep customers', {
      name: 'Churn',
      frequency: 'monthly',
      direction: 'lower_is_better',
      // 2.1 must read as 2.1 to be over the target of 2: statuses compare what is shown.
      decimals: 1,
      target: 2,
    });
    await t.call('reminders.claimDue', where);
    clock.now = at('2026-04-02T10:00');
    await t.call('value.set', { kpiId: churn.id, period: '2026-02', value: 2 });
    await t.call('value.set', { kpiId: churn.id, period: '2026-03', value: 2.1 });
    const alert = (await t.call('reminders.inbox', where)).items.find((i) => i.kind === 'alert');
    expect(alert?.title).toBe('Churn is at risk in Mar 2026');
    const key = alert?.key ?? '';
    await t.call('reminders.snooze', { key, until: 'hour', timeZone: ZONE });
    expect((await t.call('reminders.inbox', where)).items.find((i) => i.key === key)?.state).toBe(
      'snoozed',
    );
    expect((await t.call('reminders.claimDue', where)).notices).toEqual([]);
    clock.now = at('2026-04-02T11:01');
    expect((await t.call('reminders.claimDue', where)).notices.map((n) => n.title)).toEqual([
      'Churn is at risk in Mar 2026',
    ]);
    await t.call('reminders.dismiss', { key });
    expect((await t.call('reminders.inbox', where)).items.some((i) => i.key === key)).toBe(false);
    t.backend.close();
  });
});

import { renameSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { makeBackend, sha256, sideFiles, tempDir, type TestBackend } from '../backend/helpers';

// Reminders on real workspace files: several workspaces in the recent list, one open, a moving
// clock, restarts, and the .ics read back by a real iCalendar parser.

const ZONE = 'Europe/Berlin';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();

async function addWorkspace(
  t: TestBackend,
  name: string,
  kpis: { name: string; frequency: string; owner?: string }[],
) {
  const workspace = await t.call('workspace.create', { name, path: join(t.dir, `${name}.kpis`) });
  const scorecard = await t.call('scorecard.create', { name: 'Company' });
  const view = await t.call('scorecard.evaluate', { id: scorecard.id });
  const objective = await t.call('objective.create', {
    perspectiveId: view.perspectives[0]?.perspective.id ?? '',
    name: 'Grow revenue',
  });
  const created = [];
  for (const kpi of kpis)
    created.push(
      await t.call('kpi.create', {
        objectiveId: objective.id,
        name: kpi.name,
        frequency: kpi.frequency as 'monthly',
        owner: kpi.owner ?? '',
      }),
    );
  return { workspace, scorecard, kpis: created };
}

function setup() {
  const dir = tempDir();
  const clock = { now: at('2026-04-01T08:00') };
  const t = makeBackend({ dir, now: () => clock.now });
  return { t, clock, dir };
}

describe('reminders across workspaces', () => {
  it('lists due values of every recent workspace without locking or changing the closed ones', async () => {
    const { t, clock } = setup();
    const beta = await addWorkspace(t, 'Beta', [{ name: 'Leads', frequency: 'monthly' }]);
    const acme = await addWorkspace(t, 'Acme', [
      { name: 'Revenue', frequency: 'monthly', owner: 'Ana' },
    ]);
    const betaHash = sha256(beta.workspace.path);
    clock.now = at('2026-04-03T10:00');
    const inbox = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    expect(inbox.workspaces).toBe(2);
    expect(
      inbox.items.filter((i) => i.state === 'due').map((i) => [i.title, i.workspaceName, i.owner]),
    ).toEqual([
      ['The Mar 2026 value of Revenue is due', 'Acme', 'Ana'],
      ['The Mar 2026 value of Leads is due', 'Beta', ''],
    ]);
    // Beta was read, not kept: another app can open it for writing, and it is byte-identical.
    expect(sha256(beta.workspace.path)).toBe(betaHash);
    expect(sideFiles(beta.workspace.path)).toEqual([]);
    const other = makeBackend();
    expect((await other.call('workspace.open', { path: beta.workspace.path })).name).toBe('Beta');
    other.backend.close();
    expect(acme.kpis).toHaveLength(1);
  });

  it('entering the missing value clears its reminder', async () => {
    const { t, clock } = setup();
    const acme = await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }]);
    clock.now = at('2026-04-03T10:00');
    expect(
      (await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' })).items.some(
        (i) => i.period === '2026-03',
      ),
    ).toBe(true);
    await t.call('value.set', { kpiId: acme.kpis[0]?.id ?? '', period: '2026-03', value: 120 });
    const after = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    expect(after.items.some((i) => i.period === '2026-03')).toBe(false);
  });

  it('drops a moved workspace from the schedule with a note, and brings it back when it returns', async () => {
    const { t, clock, dir } = setup();
    const beta = await addWorkspace(t, 'Beta', [{ name: 'Leads', frequency: 'monthly' }]);
    await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }]);
    clock.now = at('2026-04-03T10:00');
    const moved = join(dir, 'Beta moved.kpis');
    renameSync(beta.workspace.path, moved);
    const inbox = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    expect(inbox.items.map((i) => i.workspaceName)).not.toContain('Beta');
    expect(inbox.notes.map((n) => n.message)).toEqual([
      `"Beta" was moved or deleted (looked for ${beta.workspace.path}), so its reminders are no longer scheduled. Open it from its new place to bring them back.`,
    ]);
    // The note is made once, not on every check.
    expect(
      (await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' })).notes,
    ).toHaveLength(1);
    renameSync(moved, beta.workspace.path);
    const back = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    expect(back.notes).toEqual([]);
    expect(back.items.map((i) => i.workspaceName)).toContain('Beta');
  });

  it('asks a new KPI for the value last due and later ones, not for the months before it', async () => {
    const { t, clock } = setup();
    await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }]);
    clock.now = at('2026-04-03T10:00');
    const periods = async () =>
      (await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' })).items
        .filter((i) => i.kind === 'data_due')
        .map((i) => `${i.period ?? ''} ${i.state}`);
    // Made on 1 April: February's value (due 3 March) is the one last due; January's is not asked.
    expect(await periods()).toEqual(['2026-02 overdue', '2026-03 due']);
    // A KPI with history from before it was made in this file (an import) is asked for its gaps.
    const leads = await t.call('kpi.create', {
      objectiveId: (await t.call('kpi.list', {}))[0]?.objectiveId ?? '',
      name: 'Leads',
      frequency: 'monthly',
    });
    await t.call('value.set', { kpiId: leads.id, period: '2025-12', value: 4 });
    expect((await periods()).filter((p) => p.startsWith('2026-01'))).toEqual(['2026-01 overdue']);
  });

  it('sends the first page of a long inbox with the count of every open reminder', async () => {
    const { t, clock } = setup();
    clock.now = at('2025-12-01T08:00');
    const daily = Array.from({ length: 6 }, (_, i) => ({
      name: `Daily ${String(i)}`,
      frequency: 'daily',
    }));
    await addWorkspace(t, 'Beta', daily);
    await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }, ...daily]);
    clock.now = at('2026-04-03T10:00');
    const where = { timeZone: ZONE, locale: 'en-GB' };
    const whole = await t.call('reminders.inbox', { ...where, limit: 10_000 });
    const open = whole.items.length;
    // Twelve daily KPIs made in December without values: a reminder a day over the 92-day
    // look-back, and more.
    expect(whole.counts.overdue + whole.counts.due + whole.counts.upcoming).toBe(open);
    expect(whole.counts.overdue).toBe(whole.items.filter((i) => i.state === 'overdue').length);
    expect(open).toBeGreaterThan(1_100);

    const first = await t.call('reminders.inbox', { ...where, limit: 25 });
    expect(first.counts).toEqual(whole.counts);
    expect(first.items).toEqual(whole.items.slice(0, 25));
    expect(first.items.at(-1)?.state).toBe('overdue');
    // Without a limit, a page of INBOX_PAGE.
    expect((await t.call('reminders.inbox', where)).items).toEqual(whole.items.slice(0, 200));
    // A limit of none counts without listing: the top bar's read.
    const counted = await t.call('reminders.inbox', { ...where, limit: 0 });
    expect(counted.items).toEqual([]);
    expect(counted.counts).toEqual(whole.counts);
    expect(counted.byWorkspace).toEqual(whole.byWorkspace);

    expect(await t.fail('reminders.inbox', { ...where, limit: -1 })).toMatchObject({
      code: 'VALIDATION',
      field: 'limit',
      message: expect.stringContaining('0 to 10,000') as unknown,
    });
    expect(await t.fail('reminders.inbox', { ...where, limit: 2.5 })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('whole number') as unknown,
    });
  });
});

describe('notifications are claimed once', () => {
  it('a second timer, a second window and a restart do not repeat a notification', async () => {
    const { t, clock, dir } = setup();
    await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }]);
    expect(
      (await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' })).notices,
    ).toEqual([]);
    clock.now = at('2026-04-03T09:00');
    const [first, second] = await Promise.all([
      t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' }),
      t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' }),
    ]);
    expect(first.notices.map((n) => n.title)).toEqual(['The Mar 2026 value of Revenue is due']);
    expect(second.notices).toEqual([]);
    t.backend.close();
    const restarted = makeBackend({ dir, now: () => clock.now });
    expect(
      (await restarted.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' })).notices,
    ).toEqual([]);
    // The next one, April's, is due on 3 May at 09:00 Berlin time: that is when to wake.
    clock.now = at('2026-05-01T12:00');
    expect(
      (await restarted.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' })).nextCheckAt,
    ).toBe('2026-05-03T07:00:00.000Z');
  });

  it('catches up a week closed with one summary', async () => {
    const { t, clock, dir } = setup();
    await addWorkspace(
      t,
      'Acme',
      ['Revenue', 'Margin', 'Cash', 'Churn', 'NPS'].map((name) => ({ name, frequency: 'monthly' })),
    );
    await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
    t.backend.close();
    clock.now = at('2026-04-09T08:15');
    const reopened = makeBackend({ dir, now: () => clock.now });
    const claim = await reopened.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
    expect(claim.notices.map((n) => n.title)).toEqual(['5 values are overdue']);
    expect(claim.notices[0]?.workspacePath).toBe(join(dir, 'Acme.kpis'));
  });

  it('snooze, done and dismiss change what the inbox lists and what comes back', async () => {
    const { t, clock } = setup();
    await addWorkspace(
      t,
      'Acme',
      ['Revenue', 'Margin', 'Cash'].map((name) => ({ name, frequency: 'monthly' })),
    );
    await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
    clock.now = at('2026-04-03T09:30');
    await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
    const items = (
      await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' })
    ).items.filter((i) => i.state === 'due');
    const keyOf = (name: string) => items.find((i) => i.title.includes(name))?.key ?? '';
    const [cash, margin, revenue] = [keyOf('Cash'), keyOf('Margin'), keyOf('Revenue')];
    const snoozed = await t.call('reminders.snooze', {
      key: cash,
      until: 'tomorrow',
      timeZone: ZONE,
    });
    expect(snoozed.until).toBe('2026-04-04T07:00:00.000Z');
    await t.call('reminders.markDone', { key: margin });
    await t.call('reminders.dismiss', { key: revenue });
    const inbox = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    expect(
      inbox.items.filter((i) => i.period === '2026-03').map((i) => [i.title, i.state]),
    ).toEqual([['The Mar 2026 value of Cash is due', 'snoozed']]);
    clock.now = at('2026-04-04T09:00');
    const back = await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
    expect(back.notices.map((n) => n.title)).toEqual(['The Mar 2026 value of Cash is due']);
  });
});

describe('reminder settings', () => {
  it('are stored in the workspace file, per KPI and per scorecard, and shape the schedule', async () => {
    const { t, clock } = setup();
    const acme = await addWorkspace(t, 'Acme', [
      { name: 'Revenue', frequency: 'monthly' },
      { name: 'Churn', frequency: 'monthly' },
    ]);
    const [revenue, churn] = acme.kpis;
    await t.call('reminders.setDefaults', { enabled: true, graceDays: 5, timeOfDay: '08:15' });
    await t.call('reminders.setKpiOverride', { kpiId: churn?.id ?? '', mode: 'off' });
    await t.call('reminders.setReview', {
      scorecardId: acme.scorecard.id,
      cadence: 'monthly',
      leadDays: 2,
      prepare: 'March numbers',
    });
    await t.call('workspace.close', {});
    await t.call('workspace.open', { path: acme.workspace.path });
    const settings = await t.call('reminders.settings', {});
    expect(settings.dataDue).toEqual({ enabled: true, graceDays: 5, timeOfDay: '08:15' });
    expect(settings.overrides).toEqual([
      { kpiId: churn?.id, mode: 'off', graceDays: null, timeOfDay: null },
    ]);
    clock.now = at('2026-04-01T09:00');
    const inbox = await t.call('reminders.inbox', { timeZone: ZONE, locale: 'en-GB' });
    const coming = inbox.items.filter((i) => i.state === 'upcoming');
    expect(
      coming.map((i) => [
        i.title,
        DateTime.fromISO(i.dueAt).setZone(ZONE).toFormat('dd LLL HH:mm'),
      ]),
    ).toEqual([
      ['Monthly review of Company on Monday 6 April', '04 Apr 09:00'],
      ['The Mar 2026 value of Revenue is due', '05 Apr 08:15'],
    ]);
    expect(revenue).toBeDefined();
  });

  it('refuses an override for a KPI that does not exist, and a custom override with nothing custom', async () => {
    const { t } = setup();
    const acme = await addWorkspace(t, 'Acme', [{ name: 'Revenue', frequency: 'monthly' }]);
    const missing = await t.fail('reminders.setKpiOverride', {
      kpiId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      mode: 'off',
    });
    expect(missing.code).toBe('NOT_FOUND');
    const empty = await t.fail('reminders.setKpiOverride', {
      kpiId: acme.kpis[0]?.id ?? '',
      mode: 'custom',
    });
    expect(empty).toMatchObject({ code: 'VALIDATION', field: 'graceDays' });
  });

  it('quiet hours and pause are kept for the computer, with no workspace open', async () => {
    const { t, dir, clock } = setup();
    await t.call('reminders.setPreferences', {
      paused: true,
      quietHours: { enabled: true, start: '21:00', end: '06:30' },
    });
    t.backend.close();
    const restarted = makeBackend({ dir, now: () => clock.now });
    expect(await restarted.call('reminders.preferences', {})).toEqual({
      paused: true,
      quietHours: { enabled: true, start: '21:00', end: '06:30' },
    });
  });
});

describe('calendar export', () => {
  it('writes an .ics that a real iCalendar parser reads back, with stable UIDs', async () => {
    const { t, clock } = setup();
    const acme = await addWorkspace(t, 'Acme', [
      { name: 'Revenue', frequency: 'monthly', owner: 'Ana' },
    ]);
    await t.call('reminders.setReview', {
      scorecardId: acme.scorecard.id,
      cadence: 'quarterly',
      leadDays: 0,
    });
    clock.now = at('2026-04-05T12:00');
    const exported = await t.call('reminders.exportIcs', {
      timeZone: ZONE,
      locale: 'en-GB',
      days: 90,
    });
    expect(exported.fileName).toBe('Acme reminders.ics');
    const calendar = new ICAL.Component(ICAL.parse(exported.content) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ['Quarterly review of Company on Monday 6 April', '2026-04-06T07:00:00.000Z'],
      ['The Apr 2026 value of Revenue is due', '2026-05-03T07:00:00.000Z'],
      ['The May 2026 value of Revenue is due', '2026-06-03T07:00:00.000Z'],
      ['The Jun 2026 value of Revenue is due', '2026-07-03T07:00:00.000Z'],
    ]);
    expect(events[1]?.description).toContain('Owner: Ana');
    const again = await t.call('reminders.exportIcs', {
      timeZone: ZONE,
      locale: 'en-GB',
      days: 90,
    });
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text) as unknown[])
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v).uid);
    expect(uids(again.content)).toEqual(uids(exported.content));
    expect(new Set(uids(exported.content)).size).toBe(4);
  });
});

import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ReminderNotice } from '@shared/reminders/inbox';
import { makeBackend, tempDir, type TestBackend } from '../backend/helpers';

// The issue's own check: a clock moved through a quarter with several workspaces, the app
// closed and reopened between due dates, across the March daylight-saving change, counting the
// notifications a user would see. Timers wake at the backend's next check (at most 4 h apart).

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;

async function workspaceWith(t: TestBackend, name: string, kpis: [string, 'monthly' | 'weekly'][]) {
  await t.call('workspace.create', { name, path: join(t.dir, `${name}.kpis`) });
  const scorecard = await t.call('scorecard.create', { name: 'Company' });
  const view = await t.call('scorecard.evaluate', { id: scorecard.id });
  const objective = await t.call('objective.create', {
    perspectiveId: view.perspectives[0]?.perspective.id ?? '',
    name: 'Grow',
  });
  for (const [kpi, frequency] of kpis)
    await t.call('kpi.create', { objectiveId: objective.id, name: kpi, frequency });
}

describe('a quarter with several workspaces, restarts and a DST change', () => {
  it('notifies every due value once, at 09:00 local, catching up once after a closed week', async () => {
    const dir = tempDir();
    const clock = { now: DateTime.fromISO('2026-02-15T12:00', { zone: ZONE }).toMillis() };
    const start = () => makeBackend({ dir, now: () => new Date(clock.now) });
    let t = start();
    await workspaceWith(t, 'Acme', [
      ['Revenue', 'monthly'],
      ['Leads', 'weekly'],
    ]);
    await workspaceWith(t, 'Beta', [
      ['Cash', 'monthly'],
      ['Churn', 'monthly'],
    ]);
    const shown: { at: number; notice: ReminderNotice }[] = [];
    const claim = async () => {
      const result = await t.call('reminders.claimDue', { timeZone: ZONE, locale: 'en-GB' });
      for (const notice of result.notices) shown.push({ at: clock.now, notice });
      return result.nextCheckAt === null ? null : Date.parse(result.nextCheckAt);
    };
    const runUntil = async (local: string) => {
      const end = DateTime.fromISO(local, { zone: ZONE }).toMillis();
      while (clock.now < end) {
        const next = await claim();
        clock.now = Math.min(
          end,
          next === null ? clock.now + 4 * HOUR : Math.min(next, clock.now + 4 * HOUR),
        );
      }
      await claim();
    };
    const restart = () => {
      t.backend.close();
      t = start();
    };

    await runUntil('2026-03-20T00:00');
    restart();
    await runUntil('2026-03-31T18:00');
    // Closed over 1 and 3 April, when the week 13 value and three March values fell due.
    restart();
    clock.now = DateTime.fromISO('2026-04-08T08:30', { zone: ZONE }).toMillis();
    await runUntil('2026-05-15T00:00');
    t.backend.close();

    const local = (at: number) =>
      DateTime.fromMillis(at, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
    const keys = shown.flatMap((s) => s.notice.keys);
    expect(new Set(keys).size).toBe(keys.length);
    // Every single notification came at 09:00 local, before and after the 29 March change.
    const singles = shown.filter((s) => s.notice.keys.length === 1);
    expect(new Set(singles.map((s) => local(s.at).slice(11)))).toEqual(new Set(['09:00']));
    expect(singles.some((s) => local(s.at).startsWith('2026-03-03'))).toBe(true);
    expect(singles.some((s) => local(s.at).startsWith('2026-05-03'))).toBe(true);
    // The week closed comes back as one summary, once.
    const summaries = shown.filter((s) => s.notice.keys.length > 1);
    expect(summaries.map((s) => [local(s.at), s.notice.title])).toEqual([
      ['2026-04-08 08:30', '4 values are overdue'],
    ]);
    // Monthly: Feb (due 3 Mar), Mar (3 Apr), Apr (3 May) for three KPIs in two workspaces;
    // weekly: weeks 7 to 19, due the Wednesday after each.
    expect(keys.filter((k) => !k.includes(':2026-W'))).toHaveLength(9);
    expect(keys.filter((k) => k.includes(':2026-W'))).toHaveLength(13);
    expect(shown.filter((s) => local(s.at).startsWith('2026-03-03'))).toHaveLength(3);
  });
});

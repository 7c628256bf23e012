import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from '@shared/domain/kpi';
import {
  EMPTY_INBOX,
  inboxItems,
  inboxPage,
  markDone,
  prune,
  snooze,
  type InboxItem,
  type InboxItemState,
  type InboxState,
} from '@shared/reminders/inbox';
import { byDue, scheduleWorkspaces, sortedByDue } from '@shared/reminders/schedule';
import type { Reminder } from '@shared/reminders/types';
import { kpi, workspace } from './helpers';

// The inbox a consultant with many workspaces sees: tens of thousands of open reminders are
// counted, only the first page is sent, and the page is exactly the head of the whole list.

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-04-03T10:00:00Z');
const RANK: Record<InboxItemState, number> = { overdue: 0, due: 1, snoozed: 2, upcoming: 3 };

function schedule(kpiCount: number, frequencies: readonly string[]): Reminder[] {
  const kpis = Array.from({ length: kpiCount }, (_, k) =>
    kpi(`k${String(k)}`, (frequencies[k % frequencies.length] ?? 'monthly') as 'monthly', {
      name: `KPI ${String(k)}`,
      owner: k % 3 === 0 ? '' : `Owner ${String(k % 4)}`,
    }),
  );
  return scheduleWorkspaces(
    [workspace(kpis), workspace(kpis.slice(0, 3), {}, '/data/Other.kpis')],
    {
      from: new Date(NOW - 40 * DAY_MS).toISOString(),
      to: new Date(NOW + 20 * DAY_MS).toISOString(),
      zone: 'Europe/Berlin',
      locale: 'en-GB',
    },
  );
}

/** Marks some reminders done and some snoozed (into the future or already past). */
function marked(reminders: readonly Reminder[], picks: readonly number[]): InboxState {
  let state: InboxState = EMPTY_INBOX;
  picks.forEach((pick, i) => {
    const reminder = reminders[pick % Math.max(reminders.length, 1)];
    if (!reminder) return;
    if (i % 3 === 0) state = markDone(state, reminder.key, NOW);
    else state = snooze(state, reminder.key, NOW + (i % 3 === 1 ? 1 : -1) * 3_600_000);
  });
  return state;
}

const frequencies = fc.subarray([...FREQUENCIES], { minLength: 1 });

describe('the inbox page', () => {
  it('is the head of the whole inbox, with counts of every open reminder by state', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        frequencies,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        (kpiCount, freqs, picks, limit) => {
          const reminders = schedule(kpiCount, freqs);
          const state = marked(reminders, picks);
          const all = inboxItems(reminders, state, NOW);
          const page = inboxPage(reminders, state, NOW, limit);
          expect(page.items).toEqual(all.slice(0, limit));
          for (const itemState of Object.keys(RANK) as InboxItemState[]) {
            expect(page.counts[itemState]).toBe(all.filter((i) => i.state === itemState).length);
            // Per workspace, the same counts split by where each reminder comes from.
            for (const [path, counts] of Object.entries(page.byWorkspace))
              expect(counts[itemState]).toBe(
                all.filter((i) => i.state === itemState && i.workspacePath === path).length,
              );
          }
          expect(Object.keys(page.byWorkspace).sort()).toEqual(
            [...new Set(all.map((i) => i.workspacePath))].sort(),
          );
          const closed = reminders.filter((r) => state.marks[r.key]?.doneAt !== undefined).length;
          expect(all).toHaveLength(reminders.length - closed);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts overdue and due first, oldest first, whatever order the reminders come in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        frequencies,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        (kpiCount, freqs, picks, seed) => {
          const reminders = schedule(kpiCount, freqs);
          const state = marked(reminders, picks);
          // A deterministic shuffle: every seed gives another order.
          const shuffled = reminders
            .map((r, i) => ({ r, at: (i * 7919 + seed * 104_729) % 1_000_003 }))
            .sort((a, b) => a.at - b.at)
            .map((x) => x.r);
          const items = inboxPage(shuffled, state, NOW, 10_000).items;
          const inOrder = (a: InboxItem, b: InboxItem) =>
            RANK[a.state] - RANK[b.state] || byDue(a, b);
          for (let i = 1; i < items.length; i += 1)
            expect(inOrder(items[i - 1] as InboxItem, items[i] as InboxItem)).toBeLessThanOrEqual(
              0,
            );
          expect(new Set(items.map((i) => i.key))).toEqual(
            new Set(inboxItems(reminders, state, NOW).map((i) => i.key)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sends plain objects: every field survives JSON and a structured clone (Electron IPC)', () => {
    const reminders = schedule(4, ['monthly', 'weekly']);
    const { items } = inboxPage(reminders, EMPTY_INBOX, NOW, 100);
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(structuredClone(item)).toEqual(item);
      expect(JSON.parse(JSON.stringify(item))).toEqual(item);
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['key', 'title', 'detail', 'dueAt', 'period', 'owner', 'state']),
      );
    }
    const due = items.find((i) => i.kpiId === 'k2' && i.period === '2026-03');
    expect(due).toMatchObject({
      title: 'The Mar 2026 value of KPI 2 is due',
      detail: 'Owner: Owner 2 · due 3 days after the period ends',
      workspaceName: 'Acme',
      state: 'due',
    });
    // A reminder straight from the schedule, as the calendar export and notices read it.
    const fromSchedule = reminders.find((r) => r.key === due?.key);
    expect(JSON.parse(JSON.stringify(fromSchedule))).toMatchObject({
      key: due?.key,
      title: due?.title,
      detail: due?.detail,
      dueAt: due?.dueAt,
    });
  });
});

describe('sorting by due time', () => {
  it('is the stable sort by due instant', () => {
    const instants = [
      '2026-03-02T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
    ];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: instants.length - 1 }), { maxLength: 200 }), (picks) => {
        const reminders = picks.map(
          (pick, i) => ({ key: String(i), dueAt: instants[pick] }) as Reminder,
        );
        expect(sortedByDue(reminders).map((r) => r.key)).toEqual(
          [...reminders].sort(byDue).map((r) => r.key),
        );
      }),
    );
  });
});

describe('forgetting old marks', () => {
  const reminders = schedule(2, ['monthly']);
  const live = reminders[0] as Reminder;

  it('keeps the same state when nothing is old enough to forget', () => {
    const state = markDone(EMPTY_INBOX, live.key, NOW - 200 * DAY_MS);
    const recent = snooze(state, 'gone#due:x:2026-01', NOW - 5 * DAY_MS);
    expect(prune(recent, reminders, NOW, 122)).toBe(recent);
  });

  it('forgets the marks of reminders gone from the schedule long ago, and only those', () => {
    let state = markDone(EMPTY_INBOX, 'gone#due:x:2025-01', NOW - 200 * DAY_MS);
    state = markDone(state, live.key, NOW - 200 * DAY_MS);
    state = markDone(state, 'gone#due:x:2026-03', NOW - 10 * DAY_MS);
    const kept = prune(state, reminders, NOW, 122);
    expect(Object.keys(kept.marks)).toEqual([live.key, 'gone#due:x:2026-03']);
    expect(state.marks['gone#due:x:2025-01']).toBeDefined();
  });
});

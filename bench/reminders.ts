// Reminder schedule speed (issue 6): the next 90 days of reminders for 20 workspaces × 500
// KPIs (a mix of frequencies, a tenth with their own timing, one review per workspace), computed
// by the pure schedule as the notifier does at every check. Target: under 50 ms.
import { performance } from 'node:perf_hooks';
import type { Frequency } from '@shared/domain/kpi';
import {
  inboxPage,
  nextCheckAt,
  prune,
  takeNotices,
  type InboxState,
} from '@shared/reminders/inbox';
import { OVERDUE_LOOKBACK_DAYS, scheduleWorkspaces } from '@shared/reminders/schedule';
import { INBOX_PAGE } from '@shared/reminders/inbox-size';
import { INBOX_AHEAD_DAYS } from '../electron/backend/reminders/service';
import {
  DEFAULT_DATA_DUE,
  DEFAULT_PREFERENCES,
  type KpiReminderOverride,
  type WorkspaceSnapshot,
} from '@shared/reminders/types';

const WORKSPACES = 20;
const KPIS = 500;
const DAYS = 90;
const RUNS = 15;
const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-03-20T08:00:00Z');
const FREQUENCY_MIX: Frequency[] = [
  'monthly',
  'monthly',
  'monthly',
  'monthly',
  'quarterly',
  'weekly',
  'yearly',
  'monthly',
];

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function workspace(w: number): WorkspaceSnapshot {
  const overrides: KpiReminderOverride[] = [];
  const kpis = Array.from({ length: KPIS }, (_, k) => {
    const id = `w${w}-k${k}`;
    if (k % 10 === 0)
      overrides.push({
        kpiId: id,
        mode: 'custom',
        graceDays: (k % 7) + 1,
        timeOfDay: k % 20 === 0 ? '14:30' : null,
      });
    if (k % 50 === 1) overrides.push({ kpiId: id, mode: 'off', graceDays: null, timeOfDay: null });
    return {
      id,
      name: `KPI ${k}`,
      owner: `Owner ${k % 12}`,
      frequency: FREQUENCY_MIX[k % FREQUENCY_MIX.length] ?? 'monthly',
      entered: k % 25 !== 0,
      // Half the KPIs already have February's value.
      periodsWithValue: new Set(k % 2 === 0 ? ['2026-02', '2026-Q4', '2025'] : []),
      // Most were made last year; one in twenty was added ten days ago.
      createdMs: k % 20 === 7 ? NOW - 10 * 86_400_000 : Date.parse('2025-01-15T10:00:00Z'),
    };
  });
  return {
    path: `/data/Client ${w}.kpis`,
    name: `Client ${w}`,
    kpis,
    scorecards: [{ id: `w${w}-sc`, name: 'Company' }],
    settings: {
      dataDue: { ...DEFAULT_DATA_DUE, graceDays: 2 + (w % 4) },
      overrides,
      reviews: [
        {
          scorecardId: `w${w}-sc`,
          cadence: w % 2 === 0 ? 'monthly' : 'quarterly',
          intervalWeeks: 1,
          startDate: '2026-01-05',
          timeOfDay: '10:00',
          leadDays: 1,
          prepare: 'Numbers and action plans',
        },
      ],
    },
  };
}

const snapshots = Array.from({ length: WORKSPACES }, (_, w) => workspace(w));
const window = {
  from: new Date(NOW).toISOString(),
  to: new Date(NOW + DAYS * 86_400_000).toISOString(),
  zone: ZONE,
  locale: 'en-GB',
};

function measure(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const coldStart = performance.now();
const first = scheduleWorkspaces(snapshots, window);
const cold = performance.now() - coldStart;

// Consecutive runs, nothing forced between them: each run's garbage is collected in the runs
// after it, as it is in a notifier that checks again and again.
const schedule = measure(() => {
  if (scheduleWorkspaces(snapshots, window).length !== first.length)
    throw new Error('the schedule changed between runs');
});

// What the app runs around the schedule, over the windows the reminder service uses: a
// notifier check (92 days back and 2 ahead: what to show now, what to forget, when to wake up)
// and an inbox listing (92 days back and 14 ahead; every reminder counted, the first page made
// into items, as the inbox asks), against an inbox in which everything due
// before now was shown when it fell due.
const lookback = (days: number) => ({
  ...window,
  from: new Date(NOW - OVERDUE_LOOKBACK_DAYS * 86_400_000).toISOString(),
  to: new Date(NOW + days * 86_400_000).toISOString(),
});
const checkWindow = lookback(2);
const inboxWindow = lookback(INBOX_AHEAD_DAYS);
const shown: InboxState = { since: '2025-01-01T00:00:00Z', marks: {}, notes: [] };
for (const reminder of scheduleWorkspaces(snapshots, inboxWindow))
  if (Date.parse(reminder.dueAt) <= NOW) shown.marks[reminder.key] = { shownAt: reminder.dueAt };
const checked = scheduleWorkspaces(snapshots, checkWindow).length;
const listed = scheduleWorkspaces(snapshots, inboxWindow).length;
const check = measure(() => {
  const reminders = scheduleWorkspaces(snapshots, checkWindow);
  const taken = takeNotices(reminders, shown, NOW, DEFAULT_PREFERENCES, ZONE);
  const kept = prune(taken.state, reminders, NOW, OVERDUE_LOOKBACK_DAYS + 30);
  nextCheckAt(reminders, kept, NOW, DEFAULT_PREFERENCES, ZONE);
});
const inbox = measure(() =>
  inboxPage(scheduleWorkspaces(snapshots, inboxWindow), shown, NOW, INBOX_PAGE),
);

// Baseline in the same run (the machine may be busy): the least any schedule does. The due
// instants of each frequency are known; a loop over the same KPIs skips periods with a value,
// records a (KPI, instant) pair for the rest, and sorts the pairs by instant.
const instantsOf = new Map<string, { period: string; ms: number }[]>();
for (const reminder of first)
  if (reminder.kpiId !== null && reminder.period !== null) {
    const list = instantsOf.get(reminder.kpiId) ?? [];
    list.push({ period: reminder.period, ms: Date.parse(reminder.dueAt) });
    instantsOf.set(reminder.kpiId, list);
  }
const baseline = measure(() => {
  const pairs: { kpi: number; ms: number }[] = [];
  for (const snapshot of snapshots)
    snapshot.kpis.forEach((kpi, index) => {
      for (const due of instantsOf.get(kpi.id) ?? [])
        if (!kpi.periodsWithValue.has(due.period)) pairs.push({ kpi: index, ms: due.ms });
    });
  pairs.sort((a, b) => a.ms - b.ms);
});

console.log(
  `${WORKSPACES} workspaces × ${KPIS} KPIs, next ${DAYS} days in ${ZONE}: ${first.length} reminders`,
);
console.log(
  `schedule, first run in this process (ICU loads its time-zone data, code not yet optimised): ${cold.toFixed(1)} ms`,
);
console.log(
  `schedule (median of ${RUNS}):           ${schedule.toFixed(1)} ms   (target: under 50 ms)`,
);
console.log(
  `baseline: (KPI, instant) pairs sorted: ${baseline.toFixed(1)} ms   (schedule / baseline ${(schedule / baseline).toFixed(2)}×)`,
);
console.log(
  `notifier check, ${checked} reminders (schedule, notices, marks kept, next wake-up): ${check.toFixed(1)} ms`,
);
console.log(
  `inbox listing, ${listed} reminders (schedule, counts, first ${INBOX_PAGE} items): ${inbox.toFixed(1)} ms`,
);

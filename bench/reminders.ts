// Reminder schedule speed (issue 6): the next 90 days of reminders for 20 workspaces × 500
// KPIs (a mix of frequencies, a tenth with their own timing, one review per workspace), computed
// by the pure schedule as the notifier does at every check. Target: under 50 ms.
import { performance } from 'node:perf_hooks';
import type { Frequency } from '@shared/domain/kpi';
import { EMPTY_INBOX, inboxItems, takeNotices } from '@shared/reminders/inbox';
import { scheduleWorkspaces } from '@shared/reminders/schedule';
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

const coldStart = performance.now();
const first = scheduleWorkspaces(snapshots, window);
const cold = performance.now() - coldStart;

const times: number[] = [];
const fullTimes: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  const start = performance.now();
  const reminders = scheduleWorkspaces(snapshots, window);
  times.push(performance.now() - start);
  if (reminders.length !== first.length) throw new Error('the schedule changed between runs');
  // What a notifier check or an inbox load adds on top: bookkeeping over the same reminders.
  const again = performance.now();
  takeNotices(reminders, EMPTY_INBOX, NOW, DEFAULT_PREFERENCES, ZONE);
  inboxItems(reminders, EMPTY_INBOX, NOW);
  fullTimes.push(performance.now() - again + (times.at(-1) ?? 0));
}

// Baseline in the same run (the machine may be busy): only making as many reminder objects
// with the same strings and sorting them, with the due times already known. The schedule
// cannot be faster than this; the ratio is what working the calendar out costs on top.
const baselineTimes: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  const start = performance.now();
  const made: { dueAt: string }[] = [];
  for (const reminder of first)
    made.push({
      key: `${reminder.workspacePath}#due:${reminder.kpiId ?? ''}:${reminder.period ?? ''}`,
      kind: reminder.kind,
      workspacePath: reminder.workspacePath,
      workspaceName: reminder.workspaceName,
      dueAt: reminder.dueAt,
      title: `The ${reminder.period ?? ''} value of ${reminder.kpiId ?? ''} is due`,
      detail: reminder.detail,
      kpiId: reminder.kpiId,
      scorecardId: reminder.scorecardId,
      period: reminder.period,
      owner: reminder.owner,
    } as { dueAt: string });
  made.sort((a, b) => (a.dueAt === b.dueAt ? 0 : a.dueAt < b.dueAt ? -1 : 1));
  baselineTimes.push(performance.now() - start);
}

console.log(
  `${WORKSPACES} workspaces × ${KPIS} KPIs, next ${DAYS} days in ${ZONE}: ${first.length} reminders`,
);
console.log(`schedule, first run (cold caches):        ${cold.toFixed(1)} ms`);
console.log(
  `schedule (median of ${RUNS}):                ${median(times).toFixed(1)} ms   (target: under 50 ms)`,
);
console.log(
  `baseline: making and sorting ${first.length} reminder objects: ${median(baselineTimes).toFixed(1)} ms   (ratio ${(median(times) / median(baselineTimes)).toFixed(2)}×)`,
);
console.log(`schedule + notice and inbox bookkeeping:  ${median(fullTimes).toFixed(1)} ms`);

import { DateTime } from 'luxon';
import type { Frequency } from '@shared/domain/kpi';
import {
  EMPTY_INBOX,
  nextCheckAt,
  takeNotices,
  type InboxState,
  type ReminderNotice,
} from '@shared/reminders/inbox';
import { scheduleWorkspaces, OVERDUE_LOOKBACK_DAYS } from '@shared/reminders/schedule';
import {
  DEFAULT_DATA_DUE,
  DEFAULT_PREFERENCES,
  type KpiForReminders,
  type ReminderPreferences,
  type WorkspaceReminderSettings,
  type WorkspaceSnapshot,
} from '@shared/reminders/types';

export function kpi(
  id: string,
  frequency: Frequency,
  extra: Partial<KpiForReminders> = {},
): KpiForReminders {
  return {
    id,
    name: id,
    owner: 'Ana',
    frequency,
    entered: true,
    periodsWithValue: new Set(),
    ...extra,
  };
}

export function workspace(
  kpis: KpiForReminders[],
  settings: Partial<WorkspaceReminderSettings> = {},
  path = '/data/Acme.kpis',
): WorkspaceSnapshot {
  return {
    path,
    name: 'Acme',
    kpis,
    scorecards: [{ id: 'sc1', name: 'Company' }],
    settings: { dataDue: DEFAULT_DATA_DUE, overrides: [], reviews: [], ...settings },
  };
}

/** A host as the Electron seam runs it, over a fake clock and a stored state. */
export class FakeHost {
  state: InboxState = EMPTY_INBOX;
  readonly shown: { at: number; notice: ReminderNotice }[] = [];
  zone: string;
  prefs: ReminderPreferences = DEFAULT_PREFERENCES;

  constructor(
    readonly workspaces: () => WorkspaceSnapshot[],
    zone: string,
  ) {
    this.zone = zone;
  }

  private schedule(nowMs: number) {
    return scheduleWorkspaces(this.workspaces(), {
      from: new Date(nowMs - OVERDUE_LOOKBACK_DAYS * 86_400_000).toISOString(),
      to: new Date(nowMs + 40 * 86_400_000).toISOString(),
      zone: this.zone,
      locale: 'en-GB',
    });
  }

  /** One check, as a timer or a resume runs it: notify, store, and say when to come back. */
  check(nowMs: number): number | null {
    const reminders = this.schedule(nowMs);
    const taken = takeNotices(reminders, this.state, nowMs, this.prefs, this.zone);
    // The state is stored (here: serialised and read back) before anything is shown.
    this.state = JSON.parse(JSON.stringify(taken.state)) as InboxState;
    for (const notice of taken.notices) this.shown.push({ at: nowMs, notice });
    return nextCheckAt(reminders, this.state, nowMs, this.prefs, this.zone);
  }

  /**
   * Runs from `fromMs` to `toMs`, waking at each next check and at least every 4 hours (the real
   * seam re-arms hourly; the simulation steps a little wider to stay fast on a busy machine).
   */
  run(fromMs: number, toMs: number): void {
    let now = fromMs;
    while (now <= toMs) {
      const next = this.check(now);
      now =
        next === null
          ? now + 4 * 3_600_000
          : Math.min(Math.max(next, now + 60_000), now + 4 * 3_600_000);
    }
  }

  localTimes(): string[] {
    return this.shown.map(({ at }) =>
      DateTime.fromMillis(at, { zone: this.zone }).toFormat('yyyy-MM-dd HH:mm'),
    );
  }
}

export const ms = (iso: string, zone = 'utc'): number => DateTime.fromISO(iso, { zone }).toMillis();

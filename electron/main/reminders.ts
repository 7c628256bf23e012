import type {
  Notification as ElectronNotification,
  NotificationConstructorOptions,
  PowerMonitor,
} from 'electron';
import type { MenuCommand } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/errors';
import type { ReminderClaim } from '@shared/reminders/api';
import type { ReminderNotice } from '@shared/reminders/inbox';
import { currentTimeZone } from './system-zone';

// The reminder seam of the desktop shell: timers, power-monitor resume, OS notifications. The
// schedule and the never-twice bookkeeping are the backend's (`reminders.claimDue` marks what it
// returns as shown); this only decides when to ask and shows what comes back. Electron's
// objects are passed in, so this module is unit-tested with fakes.

/** Timers are re-armed at least this often: a long setTimeout goes stale across sleep. */
export const MAX_WAIT_MS = 60 * 60_000;
/** Never spin: a next check "now" (held by quiet hours, say) waits at least this long. */
export const MIN_WAIT_MS = 5_000;

type Handle = ReturnType<typeof setTimeout>;

export interface ReminderTimers {
  setTimeout(callback: () => void, ms: number): Handle;
  clearTimeout(handle: Handle): void;
}

export type NotificationFactory = (
  options: NotificationConstructorOptions,
) => Pick<ElectronNotification, 'on' | 'show'>;

export interface ReminderSeam {
  dispatch(method: 'reminders.claimDue', params: { timeZone: string }): Promise<ApiResult<unknown>>;
  notify: NotificationFactory;
  /** Whether this OS can show notifications at all. */
  supported: () => boolean;
  /** Opens the workspace (at the KPI, where the shell can) and brings the window forward. */
  openAt(workspacePath: string, kpiId: string | null): void;
  /** Subscribes to the machine waking up (powerMonitor 'resume' and 'unlock-screen'). */
  onResume(listener: () => void): void;
  timers: ReminderTimers;
  now: () => number;
  /** The system time zone, read at every check so a change of zone is followed. */
  timeZone: () => string;
  log: (message: string, error?: unknown) => void;
}

export interface ReminderLoop {
  /** Checks now (and re-arms the timer); overlapping calls share one check. */
  check(): Promise<void>;
  stop(): void;
}

function waitFor(claim: ReminderClaim | null, nowMs: number): number {
  if (!claim?.nextCheckAt) return MAX_WAIT_MS;
  const wait = Date.parse(claim.nextCheckAt) - nowMs;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, wait));
}

function show(seam: ReminderSeam, notice: ReminderNotice): void {
  const notification = seam.notify({ title: notice.title, body: notice.body, silent: false });
  notification.on('click', () => {
    seam.openAt(notice.workspacePath, notice.kpiId);
  });
  notification.show();
}

export function startReminderLoop(seam: ReminderSeam): ReminderLoop {
  let timer: Handle | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  function arm(ms: number): void {
    if (timer !== null) seam.timers.clearTimeout(timer);
    timer = stopped ? null : seam.timers.setTimeout(() => void check(), ms);
  }

  async function once(): Promise<void> {
    let claim: ReminderClaim | null = null;
    try {
      const result = await seam.dispatch('reminders.claimDue', { timeZone: seam.timeZone() });
      if (result.ok) claim = result.data as ReminderClaim;
      else if (result.error.code !== 'BUSY') seam.log(`Reminders: ${result.error.message}`);
    } catch (error) {
      seam.log('Reminders could not be checked.', error);
    }
    if (claim && seam.supported()) for (const notice of claim.notices) show(seam, notice);
    arm(waitFor(claim, seam.now()));
  }

  function check(): Promise<void> {
    if (stopped) return Promise.resolve();
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  }

  seam.onResume(() => void check());
  return {
    check,
    stop() {
      stopped = true;
      if (timer !== null) seam.timers.clearTimeout(timer);
      timer = null;
    },
  };
}

/** What the renderer is asked to do when a notification is clicked. */
export function openCommand(workspacePath: string, kpiId: string | null): MenuCommand {
  // A summary of many, or an objective's alert, has no one KPI: the workspace opens on its
  // scorecard.
  return kpiId === null
    ? { type: 'open-path', path: workspacePath }
    : { type: 'open-kpi', path: workspacePath, kpiId };
}

/** The wiring for the real app: Electron's Notification and powerMonitor, real timers. */
export function setupReminders(deps: {
  Notification: Pick<typeof ElectronNotification, 'isSupported'> &
    (new (options: NotificationConstructorOptions) => Pick<ElectronNotification, 'on' | 'show'>);
  powerMonitor: Pick<PowerMonitor, 'on'>;
  dispatch: ReminderSeam['dispatch'];
  /** Brings the window forward and sends it the command. */
  open(command: MenuCommand): void;
  log: ReminderSeam['log'];
}): ReminderLoop {
  const loop = startReminderLoop({
    dispatch: deps.dispatch,
    notify: (options) => new deps.Notification(options),
    supported: () => deps.Notification.isSupported(),
    openAt: (path, kpiId) => {
      deps.open(openCommand(path, kpiId));
    },
    onResume: (listener) => {
      deps.powerMonitor.on('resume', listener);
      deps.powerMonitor.on('unlock-screen', listener);
    },
    timers: { setTimeout, clearTimeout },
    now: () => Date.now(),
    timeZone: () => currentTimeZone(),
    log: deps.log,
  });
  void loop.check();
  return loop;
}

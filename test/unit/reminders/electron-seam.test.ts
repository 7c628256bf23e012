import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '@shared/api/errors';
import type { ReminderClaim } from '@shared/reminders/api';
import type { ReminderNotice } from '@shared/reminders/inbox';
import type { MenuCommand } from '@shared/api/bridge';
import {
  MAX_WAIT_MS,
  MIN_WAIT_MS,
  openCommand,
  setupReminders,
  startReminderLoop,
  type ReminderSeam,
} from '../../../electron/main/reminders';
import { parseMenuCommand } from '../../../electron/preload/menu-command';

// The Electron seam with a fake Notification, fake timers and a fake power monitor: what the
// user sees is notifications shown, clicks that open the workspace, and timely re-checks.

const notice = (title: string): ReminderNotice => ({
  title,
  body: 'Owner: Ana',
  workspacePath: '/data/Acme.kpis',
  kpiId: 'kpi-1',
  keys: [title],
});

function fakeSeam(claims: ReminderClaim[]) {
  let now = Date.parse('2026-04-03T07:00:00Z');
  const shown: { options: NotificationConstructorOptions; click(): void }[] = [];
  const timers: { at: number; callback: () => void; cleared: boolean }[] = [];
  const opened: [string, string | null][] = [];
  const zones: string[] = [];
  let resume: () => void = () => undefined;
  let zone = 'Europe/Berlin';
  const seam: ReminderSeam = {
    dispatch: (_method, params) => {
      zones.push(params.timeZone);
      const claim = claims.shift() ?? { notices: [], nextCheckAt: null };
      return Promise.resolve({ ok: true, data: claim } satisfies ApiResult<ReminderClaim>);
    },
    notify: (options) => {
      const handlers: (() => void)[] = [];
      return {
        on(event: string, handler: () => void) {
          if (event === 'click') handlers.push(handler);
          return this;
        },
        show() {
          shown.push({ options, click: () => handlers.forEach((h) => h()) });
        },
      } as ReturnType<ReminderSeam['notify']>;
    },
    supported: () => true,
    openAt: (path, kpiId) => opened.push([path, kpiId]),
    onResume: (listener) => {
      resume = listener;
    },
    timers: {
      setTimeout: (callback, ms) => {
        const timer = { at: now + ms, callback, cleared: false };
        timers.push(timer);
        return timer as unknown as ReturnType<typeof setTimeout>;
      },
      clearTimeout: (handle) => {
        (handle as unknown as { cleared: boolean }).cleared = true;
      },
    },
    now: () => now,
    timeZone: () => zone,
    log: () => undefined,
  };
  return {
    seam,
    shown,
    opened,
    zones,
    armed: () => timers.filter((t) => !t.cleared),
    advance(ms: number) {
      now += ms;
    },
    resume: () => resume(),
    setZone(next: string) {
      zone = next;
    },
  };
}

describe('the reminder seam of the desktop shell', () => {
  it('shows each claimed notice, and a click opens its workspace at the KPI', async () => {
    const fake = fakeSeam([
      { notices: [notice('Revenue is due'), notice('Churn is due')], nextCheckAt: null },
    ]);
    const loop = startReminderLoop(fake.seam);
    await loop.check();
    expect(fake.shown.map((s) => s.options.title)).toEqual(['Revenue is due', 'Churn is due']);
    fake.shown[0]?.click();
    expect(fake.opened).toEqual([['/data/Acme.kpis', 'kpi-1']]);
    loop.stop();
  });

  it('arms one timer for the next due time, capped at an hour and never a busy loop', async () => {
    const fake = fakeSeam([
      { notices: [], nextCheckAt: '2026-04-03T07:20:00.000Z' },
      { notices: [], nextCheckAt: '2026-04-05T07:00:00.000Z' },
      { notices: [], nextCheckAt: '2026-04-03T07:00:00.000Z' },
    ]);
    const loop = startReminderLoop(fake.seam);
    await loop.check();
    expect(fake.armed().map((t) => t.at - Date.parse('2026-04-03T07:00:00Z'))).toEqual([
      20 * 60_000,
    ]);
    await loop.check();
    expect(fake.armed().map((t) => t.at - Date.parse('2026-04-03T07:00:00Z'))).toEqual([
      MAX_WAIT_MS,
    ]);
    await loop.check();
    expect(fake.armed().map((t) => t.at - Date.parse('2026-04-03T07:00:00Z'))).toEqual([
      MIN_WAIT_MS,
    ]);
    loop.stop();
    expect(fake.armed()).toEqual([]);
  });

  it('two triggers at once (timer and resume) make one check, so nothing is shown twice', async () => {
    const fake = fakeSeam([{ notices: [notice('Revenue is due')], nextCheckAt: null }]);
    const loop = startReminderLoop(fake.seam);
    const first = loop.check();
    fake.resume();
    await first;
    expect(fake.zones).toHaveLength(1);
    expect(fake.shown).toHaveLength(1);
    loop.stop();
  });

  it('checks again on resume from sleep, in the time zone the machine woke up in', async () => {
    const fake = fakeSeam([
      { notices: [], nextCheckAt: null },
      { notices: [notice('5 values are overdue')], nextCheckAt: null },
    ]);
    const loop = startReminderLoop(fake.seam);
    await loop.check();
    fake.advance(3 * 86_400_000);
    fake.setZone('America/New_York');
    fake.resume();
    await loop.check();
    expect(fake.zones).toEqual(['Europe/Berlin', 'America/New_York']);
    expect(fake.shown.map((s) => s.options.title)).toEqual(['5 values are overdue']);
    loop.stop();
  });

  it('keeps going after the backend fails, and shows nothing where notifications are unsupported', async () => {
    const fake = fakeSeam([]);
    fake.seam.dispatch = () => Promise.reject(new Error('backend gone'));
    const loop = startReminderLoop(fake.seam);
    await loop.check();
    expect(fake.armed()).toHaveLength(1);
    const quiet = fakeSeam([{ notices: [notice('Revenue is due')], nextCheckAt: null }]);
    quiet.seam.supported = () => false;
    const other = startReminderLoop(quiet.seam);
    await other.check();
    expect(quiet.shown).toEqual([]);
    loop.stop();
    other.stop();
  });
});

describe('clicking a notification opens the workspace at the KPI', () => {
  it('the real wiring sends the renderer an open-kpi command, or open-path for a summary', async () => {
    const shown: { title: string; click(): void }[] = [];
    class FakeNotification {
      static isSupported = () => true;
      private readonly handlers: (() => void)[] = [];
      constructor(private readonly options: NotificationConstructorOptions) {}
      on(event: string, handler: () => void) {
        if (event === 'click') this.handlers.push(handler);
        return this;
      }
      show() {
        shown.push({
          title: this.options.title ?? '',
          click: () => this.handlers.forEach((h) => h()),
        });
      }
    }
    const sent: MenuCommand[] = [];
    const claim: ReminderClaim = {
      notices: [
        notice('Churn went off track in Mar 2026'),
        { ...notice('7 values are overdue'), kpiId: null },
      ],
      nextCheckAt: null,
    };
    const loop = setupReminders({
      Notification: FakeNotification as unknown as Parameters<
        typeof setupReminders
      >[0]['Notification'],
      powerMonitor: { on: () => undefined } as never,
      dispatch: () => Promise.resolve({ ok: true, data: claim }),
      open: (command) => sent.push(command),
      log: () => undefined,
    });
    await loop.check();
    loop.stop();
    expect(shown.map((s) => s.title)).toEqual([
      'Churn went off track in Mar 2026',
      '7 values are overdue',
    ]);
    shown[0]?.click();
    shown[1]?.click();
    expect(sent).toEqual([
      { type: 'open-kpi', path: '/data/Acme.kpis', kpiId: 'kpi-1' },
      { type: 'open-path', path: '/data/Acme.kpis' },
    ]);
  });

  it('the command crosses the preload only when well-formed', () => {
    const command = openCommand('/data/Acme.kpis', 'kpi-1');
    expect(parseMenuCommand({ ...command, extra: 'dropped' })).toEqual(command);
    expect(parseMenuCommand({ type: 'open-kpi', path: '/data/Acme.kpis' })).toBeNull();
    expect(parseMenuCommand({ type: 'open-kpi', path: '/data/Acme.kpis', kpiId: '' })).toBeNull();
    expect(parseMenuCommand({ type: 'open-kpi', path: 42, kpiId: 'kpi-1' })).toBeNull();
  });
});

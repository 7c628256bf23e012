import { create } from 'zustand';
import { LOCALE } from '../app/locale';
import type { MethodParams } from '@shared/api/contract';
import type { ReminderInbox } from '@shared/reminders/api';
import { INBOX_LIMIT, INBOX_PAGE } from '@shared/reminders/inbox-size';
import type { SnoozeChoice } from '@shared/reminders/inbox';
import type {
  DataDueDefaults,
  ReminderPreferences,
  WorkspaceReminderSettings,
} from '@shared/reminders/types';
import { api, errorMessage } from '../api/client';
import { onDataChanged, onServerEvent } from '../api/events';
import { REMINDER_KINDS } from '../app/change-kinds';
import { downloadText } from './download';

// The reminders inbox and settings. The renderer sends its own time zone and locale with each
// call: in browser mode they are the user's, and a zone change shows at the next load.

export function where(): { timeZone: string; locale: string } {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: LOCALE,
  };
}

interface RemindersState {
  inbox: ReminderInbox | null;
  /** Whether `inbox` lists its items (it was read while a list was open), or only counts. */
  listed: boolean;
  /** How many inbox items to ask for: none while no list is open (the top bar shows counts),
   * a page when one opens, a page more at each "Show more". */
  limit: number;
  settings: WorkspaceReminderSettings | null;
  error: string | null;
  /** A confirmation of the last settings change, for a status line. */
  saved: string | null;
  load(): Promise<void>;
  /** A list of the inbox is open: its first page is read. */
  openList(): Promise<void>;
  /** The list has closed: later reads count the inbox without listing it. */
  closeList(): void;
  showMore(): Promise<void>;
  loadSettings(): Promise<void>;
  markDone(key: string): Promise<void>;
  dismiss(key: string): Promise<void>;
  snooze(key: string, until: SnoozeChoice): Promise<void>;
  dismissNote(id: string): Promise<void>;
  setPreferences(change: Partial<ReminderPreferences>): Promise<void>;
  setDefaults(defaults: DataDueDefaults): Promise<void>;
  setReview(review: MethodParams<'reminders.setReview'>): Promise<void>;
  removeReview(scorecardId: string): Promise<void>;
  setKpiOverride(override: MethodParams<'reminders.setKpiOverride'>): Promise<void>;
  exportIcs(): Promise<void>;
  /** Marks many done, or snoozes them, then lists the inbox once. */
  bulk(keys: readonly string[], action: 'done' | 'tomorrow'): Promise<void>;
}

export const useRemindersStore = create<RemindersState>((set, get) => {
  // Only the answer (or refusal) of the latest read is kept: a count read sent before a list
  // opened may answer after the list's own read.
  let latestRead = 0;
  async function run(action: () => Promise<unknown>, saved: string | null = null): Promise<void> {
    set({ error: null, saved: null });
    try {
      await action();
      set({ saved });
      await get().load();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  }

  return {
    inbox: null,
    listed: false,
    limit: 0,
    settings: null,
    error: null,
    saved: null,
    async load() {
      const read = (latestRead += 1);
      const { limit } = get();
      try {
        const inbox = await api.call('reminders.inbox', { ...where(), limit });
        if (read === latestRead) set({ inbox, listed: limit > 0 });
      } catch (error) {
        if (read === latestRead) set({ error: errorMessage(error) });
      }
    },
    async openList() {
      set({ limit: INBOX_PAGE });
      await get().load();
    },
    closeList() {
      set({ limit: 0 });
    },
    async showMore() {
      set({ limit: Math.min(get().limit + INBOX_PAGE, INBOX_LIMIT) });
      await get().load();
    },
    async loadSettings() {
      try {
        set({ settings: await api.call('reminders.settings', {}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    markDone: (key) => run(() => api.call('reminders.markDone', { key })),
    bulk: (keys, action) =>
      run(
        async () => {
          for (const key of keys)
            if (action === 'done') await api.call('reminders.markDone', { key });
            else
              await api.call('reminders.snooze', {
                key,
                until: 'tomorrow',
                timeZone: where().timeZone,
              });
        },
        `${String(keys.length)} reminder${keys.length === 1 ? '' : 's'} ${action === 'done' ? 'marked done' : 'snoozed until tomorrow'}.`,
      ),
    dismiss: (key) => run(() => api.call('reminders.dismiss', { key })),
    snooze: (key, until) =>
      run(() => api.call('reminders.snooze', { key, until, timeZone: where().timeZone })),
    dismissNote: (id) => run(() => api.call('reminders.dismissNote', { id })),
    setPreferences: (change) =>
      run(() => api.call('reminders.setPreferences', change), 'Quiet hours and pause saved.'),
    setDefaults: (defaults) =>
      run(async () => {
        set({ settings: await api.call('reminders.setDefaults', defaults) });
      }, 'Workspace reminder defaults saved.'),
    setReview: (review) =>
      run(async () => {
        set({ settings: await api.call('reminders.setReview', review) });
      }, 'Review meeting saved.'),
    removeReview: (scorecardId) =>
      run(async () => {
        set({ settings: await api.call('reminders.removeReview', { scorecardId }) });
      }, 'Review meeting removed.'),
    setKpiOverride: (override) =>
      run(async () => {
        set({ settings: await api.call('reminders.setKpiOverride', override) });
      }, 'KPI reminder saved.'),
    exportIcs: () =>
      run(async () => {
        const file = await api.call('reminders.exportIcs', where());
        downloadText(file.fileName, file.content, 'text/calendar');
      }, 'Calendar file saved.'),
  };
});

// An entered value clears its reminder and a new KPI brings its own: the count follows every
// change of values, definitions and reminder rules, and whatever the backend says about the inbox.
onDataChanged(REMINDER_KINDS, () =>
  useRemindersStore.getState().inbox === null ? undefined : useRemindersStore.getState().load(),
);
onServerEvent('reminders', () => {
  if (useRemindersStore.getState().inbox !== null) void useRemindersStore.getState().load();
});

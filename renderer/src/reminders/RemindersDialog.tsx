import { useEffect } from 'react';
import { Dialog } from '../ui/Dialog';
import { inboxSummary, moreToShow, openCount } from './format';
import { InboxList } from './InboxList';
import { KpiReminderRules } from './KpiReminderRules';
import { ReviewForm } from './ReviewForm';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { useRemindersStore } from './reminders-store';
import { enterValueAt, useKpiFocusStore } from './kpi-focus';

// The reminders inbox with its settings and the calendar export, over the workspace screen.

interface RemindersDialogProps {
  /** The open workspace, whose reminders come first and lead into it. */
  workspacePath: string | null;
  onClose(): void;
}

export function RemindersDialog({ workspacePath, onClose }: RemindersDialogProps) {
  const {
    inbox,
    listed,
    settings,
    error,
    saved,
    openList,
    closeList,
    loadSettings,
    dismissNote,
    exportIcs,
    showMore,
  } = useRemindersStore();
  // The inbox as listed for this dialog: until its read answers, the top bar's counts only.
  const list = listed ? inbox : null;
  const more = list ? moreToShow(list.items.length, list.counts) : 0;

  useEffect(() => {
    void openList();
    void loadSettings();
    return closeList;
  }, [openList, closeList, loadSettings]);

  return (
    <Dialog
      title="Reminders"
      submitLabel="Close"
      onSubmit={onClose}
      onClose={onClose}
      readOnly
      wide
      error={error}
    >
      {inbox?.preferences.paused ? (
        <p className="notice" role="status">
          Reminders are paused: nothing is notified until you turn the pause off.
        </p>
      ) : null}
      {inbox && inbox.notes.length > 0 ? (
        <ul className="reminder-notes" aria-label="Notes">
          {inbox.notes.map((note) => (
            <li key={note.id}>
              {note.message}{' '}
              <button
                type="button"
                aria-label={`Dismiss note: ${note.message}`}
                onClick={() => void dismissNote(note.id)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {list ? (
        <InboxList
          items={list.items}
          workspacePath={workspacePath}
          go={{
            enterValue: (item) => {
              onClose();
              const { kpiId, period } = item;
              if (kpiId && period) void enterValueAt(kpiId, period);
            },
            openKpi: (item) => {
              onClose();
              if (item.kpiId) useKpiFocusStore.getState().request(item.kpiId);
            },
          }}
        />
      ) : (
        <p>Loading reminders…</p>
      )}
      {list && list.items.length < openCount(list.counts) ? (
        <p className="reminder-more" role="status">
          {inboxSummary(list.items.length, list.counts)}{' '}
          {more > 0 ? (
            <button type="button" onClick={() => void showMore()}>
              Show {more} more
            </button>
          ) : null}
        </p>
      ) : null}
      <h3>Reminder settings</h3>
      {settings && inbox ? (
        <>
          <ReminderSettingsForm />
          <ReviewForm />
          <KpiReminderRules />
        </>
      ) : null}
      <div className="reminder-export">
        <button type="button" onClick={() => void exportIcs()}>
          Export calendar (.ics)
        </button>
        <span className="help">Due dates and reviews of this workspace for the next 90 days.</span>
      </div>
      {saved ? (
        <p role="status" className="saved">
          {saved}
        </p>
      ) : null}
    </Dialog>
  );
}

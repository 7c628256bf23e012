import { useState } from 'react';
import { DEFAULT_DATA_DUE, DEFAULT_PREFERENCES } from '@shared/reminders/types';
import { Field } from '../ui/Field';
import { onEnter } from './enter-key';
import { useRemindersStore } from './reminders-store';

// Reminder settings: the open workspace's defaults (stored in its file), and this computer's
// quiet hours and pause (stored in the app's data folder). Each part has its own Save, and
// Enter in a field saves that part rather than closing the dialog.

export function ReminderSettingsForm() {
  const { settings, inbox, setDefaults, setPreferences } = useRemindersStore();
  const defaults = settings?.dataDue ?? DEFAULT_DATA_DUE;
  const prefs = inbox?.preferences ?? DEFAULT_PREFERENCES;
  const [enabled, setEnabled] = useState(defaults.enabled);
  const [grace, setGrace] = useState(String(defaults.graceDays));
  const [time, setTime] = useState(defaults.timeOfDay);
  const [quiet, setQuiet] = useState(prefs.quietHours);
  // Shown at once; the saved preference follows (a controlled box waiting for the round trip
  // would ignore the click until then).
  const [paused, setPaused] = useState(prefs.paused);
  const [graceError, setGraceError] = useState<string | undefined>();

  function saveDefaults() {
    const graceDays = Number(grace);
    if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 90) {
      setGraceError('Enter a whole number of days from 0 to 90');
      return;
    }
    setGraceError(undefined);
    void setDefaults({ enabled, graceDays, timeOfDay: time });
  }

  return (
    <div className="reminder-settings">
      <fieldset>
        <legend>This workspace</legend>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Remind when values are due
        </label>
        <Field
          label="Grace period (days after the period ends)"
          error={graceError}
          help="A KPI can have its own, or none, in its reminder override."
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={90}
              value={grace}
              onChange={(e) => setGrace(e.target.value)}
              onKeyDown={onEnter(saveDefaults)}
            />
          )}
        </Field>
        <Field label="Reminder time">
          {(control) => (
            <input
              {...control}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              onKeyDown={onEnter(saveDefaults)}
            />
          )}
        </Field>
        <button type="button" onClick={saveDefaults}>
          Save workspace defaults
        </button>
      </fieldset>
      <fieldset>
        <legend>On this computer</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={paused}
            onChange={(e) => {
              setPaused(e.target.checked);
              void setPreferences({ paused: e.target.checked });
            }}
          />
          Pause all reminders
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={quiet.enabled}
            onChange={(e) => setQuiet({ ...quiet, enabled: e.target.checked })}
          />
          Quiet hours
        </label>
        <Field label="Quiet from">
          {(control) => (
            <input
              {...control}
              type="time"
              value={quiet.start}
              onChange={(e) => setQuiet({ ...quiet, start: e.target.value })}
            />
          )}
        </Field>
        <Field label="Quiet until">
          {(control) => (
            <input
              {...control}
              type="time"
              value={quiet.end}
              onChange={(e) => setQuiet({ ...quiet, end: e.target.value })}
            />
          )}
        </Field>
        <button type="button" onClick={() => void setPreferences({ quietHours: quiet })}>
          Save quiet hours
        </button>
      </fieldset>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { LOCALE_CHOICES, THEMES, type Theme } from '@shared/settings/choices';
import { Dialog } from '../ui/Dialog';
import { SYSTEM_LOCALE } from '../app/locale';
import { ReminderSettingsForm } from '../reminders/ReminderSettingsForm';
import { useRemindersStore } from '../reminders/reminders-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { FiscalYearField } from './FiscalYearField';
import { UserNameField } from './UserNameField';
import { useSettingsStore } from './settings-store';

// Settings: this computer's (number and date format, default currency, theme, reminder quiet
// hours), the open workspace's (fiscal year, reminder defaults), and where the data lives.
// Choices apply at once; the currency on leaving its field or pressing Enter.

const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function sample(tag: string): string {
  return `${new Intl.NumberFormat(tag).format(1234567.89)} · ${new Date(
    '2026-03-31T14:05:00',
  ).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' })}`;
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { settings, error, update } = useSettingsStore();
  const workspace = useWorkspaceStore((state) => state.current);
  const reminders = useRemindersStore();
  const [currency, setCurrency] = useState(settings?.currency ?? 'EUR');
  const [currencyError, setCurrencyError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  // Shown at once; the saved setting follows (a controlled radio waiting for the round trip
  // would ignore the click until then).
  const [theme, setTheme] = useState<Theme>(settings?.theme ?? 'system');
  const { load: loadReminders, loadSettings: loadReminderSettings } = reminders;

  useEffect(() => {
    if (!workspace) return;
    void loadReminders();
    void loadReminderSettings();
  }, [workspace, loadReminders, loadReminderSettings]);

  async function change(patch: Parameters<typeof update>[0], what: string) {
    setSaved(null);
    if (await update(patch)) setSaved(`${what} saved.`);
  }

  function saveCurrency() {
    const code = currency.trim().toUpperCase();
    if (code === settings?.currency) return;
    if (!/^[A-Z]{3}$/.test(code)) {
      setCurrencyError('Enter a three-letter currency code such as EUR, GBP or USD');
      return;
    }
    setCurrencyError(undefined);
    setCurrency(code);
    void change({ currency: code }, 'Default currency');
  }

  const locale = settings?.locale ?? '';
  return (
    <Dialog
      title="Settings"
      submitLabel="Close"
      onSubmit={onClose}
      onClose={onClose}
      readOnly
      wide
      error={error}
    >
      <div className="settings">
        <fieldset>
          <legend>On this computer</legend>
          <div className="field">
            <label htmlFor="settings-locale">Number and date format</label>
            <select
              id="settings-locale"
              value={locale}
              aria-describedby="settings-locale-sample"
              onChange={(event) =>
                void change({ locale: event.target.value || null }, 'Number and date format')
              }
            >
              <option value="">
                System: {languageName(SYSTEM_LOCALE)} ({SYSTEM_LOCALE})
              </option>
              {LOCALE_CHOICES.map((tag) => (
                <option key={tag} value={tag}>
                  {languageName(tag)} ({tag})
                </option>
              ))}
            </select>
            <p className="help" id="settings-locale-sample">
              Looks like: {sample(locale || SYSTEM_LOCALE)}
            </p>
          </div>
          <UserNameField onSaved={(what) => setSaved(`${what} saved.`)} />
          <div className={currencyError ? 'field invalid' : 'field'}>
            <label htmlFor="settings-currency">Default currency for new KPIs</label>
            <input
              id="settings-currency"
              className="currency-code"
              value={currency}
              autoComplete="off"
              aria-invalid={currencyError ? true : undefined}
              aria-describedby={currencyError ? 'settings-currency-error' : undefined}
              onChange={(event) => setCurrency(event.target.value)}
              onBlur={saveCurrency}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                saveCurrency();
              }}
            />
            {currencyError ? (
              <p className="error-text" id="settings-currency-error">
                {currencyError}
              </p>
            ) : null}
          </div>
          <fieldset className="theme-choice">
            <legend>Theme</legend>
            {THEMES.map((choice) => (
              <label key={choice} className="check">
                <input
                  type="radio"
                  name="theme"
                  value={choice}
                  checked={theme === choice}
                  onChange={() => {
                    setTheme(choice);
                    void change({ theme: choice }, 'Theme');
                  }}
                />
                {THEME_LABELS[choice]}
              </label>
            ))}
          </fieldset>
        </fieldset>

        {workspace ? (
          <fieldset>
            <legend>This workspace: {workspace.name}</legend>
            <FiscalYearField />
          </fieldset>
        ) : null}

        {workspace && reminders.settings && reminders.inbox ? (
          <section aria-labelledby="settings-reminders">
            <h3 id="settings-reminders">Reminders</h3>
            <ReminderSettingsForm />
          </section>
        ) : null}

        <section aria-labelledby="settings-data" className="settings-data">
          <h3 id="settings-data">Data folder and backups</h3>
          <dl>
            <dt>Settings, recent list and reminder state</dt>
            <dd>
              <code>{settings?.dataDir ?? '…'}</code>
            </dd>
            <dt>New workspaces (browser mode) and the sample copy</dt>
            <dd>
              <code>{settings?.workspacesDir ?? '…'}</code>
            </dd>
            {workspace ? (
              <>
                <dt>This workspace</dt>
                <dd>
                  <code>{workspace.path}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <p className="help">
            Each workspace is one file: copy it to back it up, or use File › Save a copy… while it
            is open. Before an upgrade changes a workspace, the app saves a copy of it next to the
            file.
          </p>
        </section>
      </div>
      {saved ? (
        <p role="status" className="saved">
          {saved}
        </p>
      ) : null}
    </Dialog>
  );
}

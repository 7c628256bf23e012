import { useState } from 'react';
import { useSettingsStore } from './settings-store';

// Who is at this computer: the name each value entered here carries and the audit trail shows.
// Saved on leaving the field or pressing Enter; empty goes back to the system's user name.

export function UserNameField({ onSaved }: { onSaved(what: string): void }) {
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const [name, setName] = useState(settings?.userName ?? '');
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const next = name.trim();
    if (next === (settings?.userName ?? '')) return;
    if (next.length > 100) {
      setError('Your name can have at most 100 characters');
      return;
    }
    setError(null);
    if (await update({ userName: next })) onSaved('Your name');
  }

  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor="settings-user-name">Your name</label>
      <input
        id="settings-user-name"
        value={name}
        placeholder={settings?.systemUserName ?? ''}
        aria-describedby="settings-user-name-help"
        aria-invalid={error ? true : undefined}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          }
        }}
      />
      <p className="help" id="settings-user-name-help">
        The values you enter and import carry this name, and the audit trail shows it. Empty: your
        computer's user name{settings ? ` (${settings.systemUserName})` : ''}.
      </p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { Alert } from '../ui/Alert';
import { useWorkspaceStore } from './workspace-store';
import { NewWorkspaceDialog } from './NewWorkspaceDialog';
import { OpenFileDialog } from './OpenFileDialog';
import { openWithNativeDialog } from './open-file';
import { SettingsDialog } from '../settings/SettingsDialog';
import { formatDateTime } from '../app/locale';
import { PackageImportDialog } from '../transfer/PackageImportDialog';
import { TemplateWorkspaceDialog } from '../library/TemplateWorkspaceDialog';
import { JoinDialog } from '../sync/JoinDialog';

// What the user sees with no workspace open: make one, open the sample, open a file, or pick
// a recent one.

export function StartScreen() {
  const { recent, error, busy, open, openSample, forgetRecent, clearError, adopt } =
    useWorkspaceStore();
  const [dialog, setDialog] = useState<
    'new' | 'template' | 'open' | 'package' | 'join' | 'settings' | null
  >(null);

  async function openFile() {
    if (!(await openWithNativeDialog())) setDialog('open');
  }

  return (
    <main className="start" aria-labelledby="start-title">
      <h1 id="start-title">KPI Scorecard</h1>
      <p className="lead">Balanced scorecards and KPIs, kept in a file on your computer.</p>
      {error ? <Alert message={error} onDismiss={clearError} /> : null}
      <div className="start-actions">
        <button type="button" className="primary" onClick={() => setDialog('new')} disabled={busy}>
          New workspace
        </button>
        <button type="button" onClick={() => setDialog('template')} disabled={busy}>
          New workspace from a template…
        </button>
        <button type="button" onClick={() => void openSample()} disabled={busy}>
          Open the sample workspace
        </button>
        <button type="button" onClick={() => void openFile()} disabled={busy}>
          Open a file…
        </button>
        <button type="button" onClick={() => setDialog('package')} disabled={busy}>
          Import a package…
        </button>
        <button type="button" onClick={() => setDialog('join')} disabled={busy}>
          Join a shared workspace…
        </button>
        <button type="button" onClick={() => setDialog('settings')}>
          Settings
        </button>
      </div>
      {dialog === 'package' ? (
        <PackageImportDialog
          canImportIntoCurrent={false}
          onClose={() => setDialog(null)}
          onImported={(result) => void adopt(result.workspace)}
        />
      ) : null}
      <section aria-labelledby="recent-title" className="recent">
        <h2 id="recent-title">Recent workspaces</h2>
        {recent.length === 0 ? (
          <p className="empty">Workspaces you open appear here.</p>
        ) : (
          <ul>
            {recent.map((entry) => (
              <li key={entry.path}>
                {entry.exists ? (
                  <button
                    type="button"
                    className="link recent-open"
                    onClick={() => void open(entry.path)}
                    disabled={busy}
                  >
                    {entry.name}
                  </button>
                ) : (
                  <span className="missing">
                    {entry.name} <span className="tag">missing</span>
                  </span>
                )}
                <span className="path">{entry.path}</span>
                <span className="when">{formatDateTime(entry.openedAt)}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${entry.name} from the list`}
                  onClick={() => void forgetRecent(entry.path)}
                >
                  Remove from list
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {dialog === 'new' ? <NewWorkspaceDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'template' ? <TemplateWorkspaceDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'open' ? <OpenFileDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'settings' ? <SettingsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'join' ? <JoinDialog onClose={() => setDialog(null)} /> : null}
    </main>
  );
}

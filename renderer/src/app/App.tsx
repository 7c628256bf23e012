import { useEffect, useState } from 'react';
import type { MenuCommand } from '@shared/api/bridge';
import { platform } from '../api/client';
import { desktopBridge } from '../api/transport';
import { useAccessStore } from '../api/access-store';
import { NewWorkspaceDialog } from '../workspace/NewWorkspaceDialog';
import { ReportPrintView } from '../report/ReportPrintView';
import { isReportPrintPage } from './report-print-page';
import { OpenFileDialog } from '../workspace/OpenFileDialog';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { SaveCopyDialog } from '../workspace/SaveCopyDialog';
import { StartScreen } from '../workspace/StartScreen';
import { WorkspaceScreen } from '../workspace/WorkspaceScreen';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useSettingsStore } from '../settings/settings-store';

// The app: the start screen until a workspace is open, then the workspace. Menu commands from
// the desktop shell arrive here.

/** `firstReads`: the page's first reads (first-reads.ts), which the workspace waits for. */
export function App({ firstReads }: { firstReads: Promise<void> }) {
  const { current, loaded, init, open, openSample, close } = useWorkspaceStore();
  const refused = useAccessStore((state) => state.refused);
  const [dialog, setDialog] = useState<'new' | 'open' | 'copy' | null>(null);

  // Settings first, so the first screen is already in the chosen locale and theme.
  const loadSettings = useSettingsStore((state) => state.load);
  // Read so that a change of locale renders the whole app again in the new one.
  useSettingsStore((state) => state.localeVersion);
  // Read side by side (one round trip less before the first screen, issue 19); the workspace
  // shows once the settings are applied and its scorecard has been asked for.
  useEffect(() => {
    if (platform !== 'no-token') void init(Promise.all([loadSettings(), firstReads]));
  }, [init, loadSettings, firstReads]);

  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    return bridge.onMenuCommand((command: MenuCommand) => {
      switch (command.type) {
        case 'new-workspace':
          setDialog('new');
          break;
        case 'open-workspace':
          void bridge.dialogs.openWorkspace().then((path) => (path ? open(path) : false));
          break;
        case 'open-path':
          void open(command.path);
          break;
        case 'open-kpi':
          void open(command.path).then((opened) => {
            if (opened) useKpiFocusStore.getState().request(command.kpiId);
          });
          break;
        case 'open-sample':
          void openSample();
          break;
        case 'save-copy':
          if (useWorkspaceStore.getState().current) setDialog('copy');
          break;
        case 'close-workspace':
          void close();
          break;
      }
    });
  }, [open, openSample, close]);

  if (platform === 'no-token' || refused) {
    return (
      <main className="start">
        <h1>KPI Scorecard</h1>
        <p role="alert" className="alert">
          {/* One child: the alert lays its children out side by side. */}
          <span>
            {refused
              ? 'This page’s access link is no longer valid: KPI Scorecard has been started again since it was opened, or the link was changed. '
              : null}
            This page needs the access link printed by <code>npm start</code> (it ends in{' '}
            <code>#token=…</code>). Open the URL from the terminal where KPI Scorecard is running.
          </span>
        </p>
      </main>
    );
  }
  if (isReportPrintPage()) return <ReportPrintView />;
  if (!loaded)
    return (
      <p className="loading" role="status">
        Opening…
      </p>
    );
  return (
    <>
      {current ? <WorkspaceScreen /> : <StartScreen />}
      {dialog === 'new' ? <NewWorkspaceDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'open' ? <OpenFileDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'copy' ? <SaveCopyDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}

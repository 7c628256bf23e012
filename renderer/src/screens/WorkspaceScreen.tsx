import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { useScorecardStore } from '../state/scorecard-store';
import { useWorkspaceStore } from '../state/workspace-store';
import { ScorecardTree } from './ScorecardTree';
import { ScorecardView } from './ScorecardView';
import { HierarchyView } from './HierarchyView';
import { DataGrid, derivedSources } from '../grid/DataGrid';
import { RestoreBackupDialog } from '../forms/RestoreBackupDialog';
import { SaveCopyDialog } from '../forms/SaveCopyDialog';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { RemindersButton } from '../reminders/RemindersButton';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportWizard } from '../transfer/ImportWizard';
import { PackageImportDialog } from '../transfer/PackageImportDialog';
import { ReportScreen } from '../report/ReportScreen';
import { ViewTabs } from '../components/ViewTabs';

// An open workspace: its name and file actions on top, the scorecard tree on the side, and the
// selected scorecard's view or data-entry grid in the middle.

type Tab = 'scorecard' | 'hierarchy' | 'values';
const TAB_NAMES: Record<Tab, string> = {
  scorecard: 'Scorecard',
  hierarchy: 'KPI hierarchy',
  values: 'Enter values',
};

export function WorkspaceScreen() {
  const workspace = useWorkspaceStore((state) => state.current);
  const close = useWorkspaceStore((state) => state.close);
  const { load, view, error, reset } = useScorecardStore();
  const [tab, setTab] = useState<Tab>('scorecard');
  const [savingCopy, setSavingCopy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState<'values' | 'package' | null>(null);
  const adopt = useWorkspaceStore((state) => state.adopt);
  // Bumped after an import, so the open tab reads its values again.
  const [dataVersion, setDataVersion] = useState(0);
  const selectedId = useScorecardStore((state) => state.selectedId);
  const onImported = useCallback(() => {
    void load();
    setDataVersion((version) => version + 1);
  }, [load]);
  const [reporting, setReporting] = useState(false);
  // A clicked notification asks for a KPI's detail, which the scorecard tab shows.
  useEffect(
    () =>
      useKpiFocusStore.subscribe((state) => {
        if (state.kpiId !== null) setTab('scorecard');
      }),
    [],
  );

  useEffect(() => {
    void load();
    return reset;
  }, [workspace?.path, load, reset]);

  if (!workspace) return null;
  if (reporting) return <ReportScreen onClose={() => setReporting(false)} />;
  return (
    <div className="workspace">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="app-name">KPI Scorecard</span>
          <h1 className="workspace-name">{workspace.name}</h1>
        </div>
        <div className="topbar-actions">
          <RemindersButton workspacePath={workspace.path} />
          <button type="button" onClick={() => setReporting(true)} disabled={!view}>
            Board report…
          </button>
          <button type="button" onClick={() => setSavingCopy(true)}>
            Save a copy…
          </button>
          <button type="button" onClick={() => setRestoring(true)}>
            Restore a backup…
          </button>
          <button type="button" onClick={() => setImporting('values')}>
            Import values…
          </button>
          <button type="button" onClick={() => setImporting('package')}>
            Import package…
          </button>
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
          <button type="button" onClick={() => void close()}>
            Close workspace
          </button>
        </div>
      </header>
      {workspace.migratedFrom !== null ? (
        <p className="notice" role="status">
          This workspace was upgraded from an older version; a backup was saved as{' '}
          {workspace.backupPath}.
        </p>
      ) : null}
      <div className="workspace-body">
        <nav aria-label="Scorecards" className="sidebar">
          <ScorecardTree />
        </nav>
        <main className="content" id="main-content" tabIndex={-1}>
          {error ? <Alert message={error} /> : null}
          {view ? (
            <>
              <ViewTabs tabs={TAB_NAMES} selected={tab} onSelect={setTab} idPrefix="view" />
              <div
                role="tabpanel"
                id={`view-panel-${tab}`}
                aria-labelledby={`view-tab-${tab}`}
                key={dataVersion}
              >
                {tab === 'scorecard' ? (
                  <ScorecardView view={view} />
                ) : tab === 'hierarchy' ? (
                  <HierarchyView view={view} />
                ) : (
                  <DataGrid
                    kpis={view.perspectives.flatMap((p) =>
                      p.objectives.flatMap((o) => o.kpis.map((entry) => entry.kpi)),
                    )}
                    derived={derivedSources(view)}
                  />
                )}
              </div>
            </>
          ) : (
            <p className="empty">
              Add a scorecard to start: the company, then its departments and teams.
            </p>
          )}
        </main>
      </div>
      {savingCopy ? <SaveCopyDialog onClose={() => setSavingCopy(false)} /> : null}
      {restoring ? (
        <RestoreBackupDialog
          onClose={() => setRestoring(false)}
          onRestored={(info) => {
            void adopt(info);
            onImported();
          }}
        />
      ) : null}
      {exporting ? <ExportDialog onClose={() => setExporting(false)} /> : null}
      {importing === 'values' ? (
        <ImportWizard
          scorecardId={selectedId}
          scorecardName={view?.scorecard.name ?? ''}
          onClose={() => setImporting(null)}
          onImported={onImported}
        />
      ) : null}
      {importing === 'package' ? (
        <PackageImportDialog
          canImportIntoCurrent
          onClose={() => setImporting(null)}
          onImported={(result, into) => {
            if (into === 'new') void adopt(result.workspace);
            else onImported();
          }}
        />
      ) : null}
    </div>
  );
}

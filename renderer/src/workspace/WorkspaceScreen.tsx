import { Activity, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Alert } from '../ui/Alert';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { useWorkspaceStore } from './workspace-store';
import { ScorecardTree } from '../scorecard/ScorecardTree';
import { ScorecardView } from '../scorecard/ScorecardView';
import { HierarchyView } from '../scorecard/HierarchyView';
import { DataGrid, derivedSources } from '../values/DataGrid';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { SaveCopyDialog } from './SaveCopyDialog';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { RemindersButton } from '../reminders/RemindersButton';
import { ExportDialog } from '../transfer/ExportDialog';
import { TemplatesDialog } from '../library/TemplatesDialog';
import { PackageImportDialog } from '../transfer/PackageImportDialog';
import { ViewTabs } from '../ui/ViewTabs';
import { AuditTrail } from '../audit/AuditTrail';
import { UndoNotice } from '../ui/UndoNotice';
import { MenuButton, type MenuEntry } from '../ui/MenuButton';
import { NewWorkspaceDialog } from './NewWorkspaceDialog';
import { OpenFileDialog } from './OpenFileDialog';
import { openWithNativeDialog } from './open-file';
import { SettingsDialog } from '../settings/SettingsDialog';
import { StrategyMapView } from '../strategy-map/StrategyMapView';
import { DashboardView } from '../dashboard/DashboardView';
import { HealthPanel } from '../health/HealthPanel';
import { useFixStore } from '../health/fix-request';
import { useHealthStore } from '../health/health-store';
import { ShareDialog } from '../sync/ShareDialog';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useSyncStore } from '../sync/sync-store';
import { firstLoadStarted } from '../app/first-reads';
import { showViewInAddress } from './view-address';
import { OPENING_TAB, tabInAddress, type Tab } from './tabs';

// An open workspace: its name and file actions on top, the scorecard tree on the side, and the
// selected scorecard's view or data-entry grid in the middle.

const RECENT_IN_MENU = 6;

// The board report and the import wizard load when first opened, not with the app (issue 19).
const ReportScreen = lazy(() =>
  import('../report/ReportScreen').then((module) => ({ default: module.ReportScreen })),
);
const ImportWizard = lazy(() =>
  import('../transfer/ImportWizard').then((module) => ({ default: module.ImportWizard })),
);
const loading = <p role="status">Loading…</p>;

const TAB_NAMES: Record<Tab, string> = {
  dashboard: 'Dashboard',
  scorecard: 'Scorecard',
  map: 'Strategy map',
  hierarchy: 'KPI hierarchy',
  values: 'Enter values',
  health: 'Health check',
  audit: 'Audit trail',
};

export function WorkspaceScreen() {
  const workspace = useWorkspaceStore((state) => state.current);
  const close = useWorkspaceStore((state) => state.close);
  const open = useWorkspaceStore((state) => state.open);
  const recent = useWorkspaceStore((state) => state.recent);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { load, view, error, reset, loaded } = useScorecardStore();
  // A reload stays on the view in the address (view-address.ts); another workspace opened in
  // this page starts on the opening view again.
  const [tab, setTab] = useState<Tab>(tabInAddress);
  const [tabPath, setTabPath] = useState(workspace?.path);
  if (tabPath !== workspace?.path) {
    setTabPath(workspace?.path);
    setTab(OPENING_TAB);
  }
  useEffect(() => {
    showViewInAddress(tab, OPENING_TAB);
  }, [tab]);
  // Closed: the next workspace opened starts on the opening view, not on this one's last.
  useEffect(() => () => showViewInAddress(OPENING_TAB, OPENING_TAB), []);
  const [savingCopy, setSavingCopy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [templates, setTemplates] = useState(false);
  const [importing, setImporting] = useState<'values' | 'package' | null>(null);
  const adopt = useWorkspaceStore((state) => state.adopt);
  const selectedId = useScorecardStore((state) => state.selectedId);
  // What an import wrote reaches every view through the backend's change event.
  const onImported = useCallback(() => undefined, []);
  const [reporting, setReporting] = useState(false);
  const [sharing, setSharing] = useState(false);
  const shared = useSyncStore((state) => state.status !== null);
  // A clicked notification asks for a KPI's detail, which the scorecard tab shows.
  useEffect(
    () =>
      useKpiFocusStore.subscribe((state) => {
        if (state.kpiId !== null) setTab('scorecard');
        // "Enter value" from a reminder: the grid, which then goes to the cell.
        if (state.cell !== null) setTab('values');
      }),
    [],
  );
  // A health finding's fix in the scorecard view: its KPI form, a new KPI, the objective.
  useEffect(
    () =>
      useFixStore.subscribe((state) => {
        if (state.request !== null) setTab('scorecard');
      }),
    [],
  );

  const path = workspace?.path;
  useEffect(() => {
    // The page's first reads may have started this already (app/first-reads.ts).
    if (!firstLoadStarted(path)) void load();
    return () => {
      reset();
      useHealthStore.getState().reset();
    };
  }, [path, load, reset]);

  if (!workspace) return null;
  const others = recent.filter((entry) => entry.exists && entry.path !== workspace.path);
  const fileMenu: MenuEntry[] = [
    { kind: 'item', label: 'New workspace…', onSelect: () => setDialog('new') },
    {
      kind: 'item',
      label: 'Open…',
      onSelect: () => void openWithNativeDialog().then((shown) => shown || setDialog('open')),
    },
    ...(others.length > 0
      ? [
          {
            kind: 'group' as const,
            label: 'Open recent',
            items: others.slice(0, RECENT_IN_MENU).map((entry): MenuEntry => ({
              kind: 'item',
              label: entry.name,
              title: entry.path,
              onSelect: () => void open(entry.path),
            })),
          },
        ]
      : []),
    { kind: 'separator' },
    { kind: 'item', label: 'Save a copy…', onSelect: () => setSavingCopy(true) },
    { kind: 'item', label: 'Restore a backup…', onSelect: () => setRestoring(true) },
    { kind: 'item', label: 'Import values…', onSelect: () => setImporting('values') },
    { kind: 'item', label: 'Import package…', onSelect: () => setImporting('package') },
    { kind: 'item', label: 'Export…', onSelect: () => setExporting(true) },
    { kind: 'item', label: 'Templates…', onSelect: () => setTemplates(true) },
    ...(shared
      ? []
      : [
          {
            kind: 'item' as const,
            label: 'Share this workspace…',
            onSelect: () => setSharing(true),
          },
        ]),
    { kind: 'separator' },
    { kind: 'item', label: 'Close workspace', onSelect: () => void close() },
  ];
  if (reporting)
    return (
      <Suspense fallback={loading}>
        <ReportScreen onClose={() => setReporting(false)} />
      </Suspense>
    );
  return (
    <div className="workspace">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="app-name">KPI Scorecard</span>
          <h1 className="workspace-name" title={`${workspace.name}\n${workspace.path}`}>
            {workspace.name}
          </h1>
        </div>
        <nav className="topbar-actions" aria-label="Workspace">
          <MenuButton label="File" entries={fileMenu} />
          <SyncIndicator workspacePath={workspace.path} />
          <RemindersButton workspacePath={workspace.path} />
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => setReporting(true)}
            disabled={!view}
          >
            Board report…
          </button>
        </nav>
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
          <UndoNotice />
          {view || !loaded ? (
            // The tabs come with the workspace, before its scorecard is evaluated: the user
            // can pick the view while the first one loads (issue 19).
            <>
              <ViewTabs tabs={TAB_NAMES} selected={tab} onSelect={setTab} idPrefix="view" />
              <div role="tabpanel" id={`view-panel-${tab}`} aria-labelledby={`view-tab-${tab}`}>
                {tab === 'health' ? (
                  <HealthPanel />
                ) : tab === 'audit' ? (
                  <AuditTrail />
                ) : !view ? (
                  <p className="loading" role="status">
                    Loading the scorecard…
                  </p>
                ) : tab === 'dashboard' || tab === 'scorecard' ? (
                  <>
                    {tab === 'dashboard' ? <DashboardView view={view} onGo={setTab} /> : null}
                    {/* Rendered hidden while the Dashboard shows, when the page is idle, so the
                        Scorecard tab opens without rendering its view first (issue 19): a
                        workspace opens on the Dashboard, and the scorecard is where most go. */}
                    <Activity mode={tab === 'scorecard' ? 'visible' : 'hidden'}>
                      <ScorecardView view={view} />
                    </Activity>
                  </>
                ) : tab === 'map' ? (
                  <StrategyMapView view={view} />
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
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      {dialog === 'new' ? <NewWorkspaceDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'open' ? <OpenFileDialog onClose={() => setDialog(null)} /> : null}
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
      {templates ? <TemplatesDialog onClose={() => setTemplates(false)} /> : null}
      {sharing ? (
        <ShareDialog workspaceName={workspace.name} onClose={() => setSharing(false)} />
      ) : null}
      {importing === 'values' ? (
        <Suspense fallback={loading}>
          <ImportWizard
            scorecardId={selectedId}
            scorecardName={view?.scorecard.name ?? ''}
            onClose={() => setImporting(null)}
            onImported={onImported}
          />
        </Suspense>
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

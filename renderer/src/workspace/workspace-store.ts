import { create } from 'zustand';
import type { WorkspaceFileEntry } from '@shared/api/contract';
import type { BackupInfo } from '@shared/api/contract-backups';
import type { RecentWorkspace, WorkspaceInfo } from '@shared/domain/entities';
import { api, errorMessage } from '../api/client';
import { onDataChanged, onServerEvent } from '../api/events';
import { useNoticesStore } from '../app/notices-store';

// The open workspace and the recent list. Every action reports its failure in `error`, which
// the start screen shows as an alert naming the file.

interface WorkspaceState {
  current: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  loaded: boolean;
  busy: boolean;
  error: string | null;
  /** Reads the open workspace; shows it once `before` (the settings being read) is done. */
  init(before?: Promise<unknown>): Promise<void>;
  refreshRecent(): Promise<void>;
  open(path: string): Promise<boolean>;
  create(name: string, path?: string): Promise<boolean>;
  openSample(): Promise<boolean>;
  /** A new workspace built from a scorecard template (library/). */
  fromTemplate(templateId: string, name: string, path?: string): Promise<boolean>;
  /** The backend opened a workspace itself (a package imported into a new one). */
  adopt(info: WorkspaceInfo): Promise<void>;
  close(): Promise<void>;
  forgetRecent(path: string): Promise<void>;
  clearError(): void;
  /** The open workspace's settings changed (here or elsewhere): read them again. */
  refreshCurrent(): Promise<void>;
  setFiscalYearStart(month: number): Promise<void>;
  /** The open workspace's automatic backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Puts a backup in the open workspace's place (the views follow the `changed` event). */
  restoreBackup(id: string): Promise<WorkspaceInfo>;
  /** A copy of the open workspace at `path`; resolves to where it was written. */
  saveCopy(path: string): Promise<string>;
  /** The workspace files in the app's workspaces folder (browser mode's open dialog). */
  listFiles(): Promise<WorkspaceFileEntry[]>;
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  async function attempt(action: () => Promise<WorkspaceInfo>): Promise<boolean> {
    set({ busy: true, error: null });
    try {
      const current = await action();
      set({ current, busy: false });
      await get().refreshRecent();
      return true;
    } catch (error) {
      set({ busy: false, error: errorMessage(error) });
      await get().refreshRecent();
      return false;
    }
  }

  return {
    current: null,
    recent: [],
    loaded: false,
    busy: false,
    error: null,
    async init(before) {
      try {
        const [current, recent] = await Promise.all([
          api.call('workspace.current', {}),
          api.call('workspace.recent', {}),
          before,
        ]);
        set({ current, recent, loaded: true });
      } catch (error) {
        set({ loaded: true, error: errorMessage(error) });
      }
    },
    async refreshRecent() {
      try {
        set({ recent: await api.call('workspace.recent', {}) });
      } catch {
        // the list is a convenience; the action's own error is what the user needs to see
      }
    },
    open: (path) => attempt(() => api.call('workspace.open', { path })),
    create: (name, path) =>
      attempt(() => api.call('workspace.create', path ? { name, path } : { name })),
    openSample: () => attempt(() => api.call('workspace.openSample', {})),
    fromTemplate: (templateId, name, path) =>
      attempt(() =>
        api.call(
          'template.createWorkspace',
          path ? { templateId, name, path } : { templateId, name },
        ),
      ),
    async adopt(info) {
      set({ current: info, error: null });
      await get().refreshRecent();
    },
    async close() {
      try {
        await api.call('workspace.close', {});
      } catch (error) {
        // Still open (an import holds it, say): say why where the user is, the open workspace.
        useNoticesStore.getState().notify(errorMessage(error));
        return;
      }
      set({ current: null });
      await get().refreshRecent();
    },
    async forgetRecent(path) {
      try {
        set({ recent: await api.call('workspace.forgetRecent', { path }) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    clearError: () => set({ error: null }),
    async refreshCurrent() {
      if (!get().current) return;
      const current = await api.call('workspace.current', {});
      if (current?.path === get().current?.path) set({ current });
    },
    async setFiscalYearStart(month) {
      // The scorecard and report follow the `changed` event of the workspace kind.
      set({ current: await api.call('workspace.setFiscalYearStart', { month }) });
    },
    listBackups: () => api.call('backup.list', {}),
    async restoreBackup(id) {
      const current = await api.call('backup.restore', { id });
      set({ current });
      return current;
    },
    saveCopy: async (path) => (await api.call('workspace.saveCopy', { path })).path,
    listFiles: () => api.call('workspace.listFiles', {}),
  };
});

// Another window or client opened or closed a workspace: the backend holds one at a time, so
// this page follows it rather than writing into a file it no longer shows.
onServerEvent('workspace', ({ path }) => {
  const state = useWorkspaceStore.getState();
  if (state.loaded && !state.busy && (state.current?.path ?? null) !== path) void state.init();
});
onDataChanged(['workspace'], () => useWorkspaceStore.getState().refreshCurrent());

import { create } from 'zustand';
import type { SyncConflict, SyncRun, SyncStatus } from '@shared/api/contract-sync';
import type { Kpi, WorkspaceInfo } from '@shared/domain/entities';
import { ApiError } from '@shared/api/errors';
import { api, errorMessage } from '../api/client';
import { onServerEvent } from '../api/events';

// Where the open workspace stands in team sync, as the backend pushes it (the `sync` event:
// every start and end of a sync, every local change), and the conflicts to review, read again
// when their count changes.

interface SyncStore {
  status: SyncStatus | null;
  conflicts: SyncConflict[];
  /** A sync the user asked for is running. */
  busy: boolean;
  /** Why the last call from the panel failed, with the field it is about. */
  error: { message: string; field: string | null } | null;
  load(): Promise<void>;
  loadConflicts(): Promise<void>;
  /** Sync now; with a password when the server asked for one. */
  syncNow(password?: string): Promise<boolean>;
  /** Keeps one side of a conflict. */
  keep(changeId: string): Promise<void>;
  /** The workspace's KPIs by id, to name the values in conflict. */
  kpis: Map<string, Kpi>;
  loadKpis(): Promise<void>;
  /**
   * Makes a space for the open workspace and sends its history; a refusal is thrown for the
   * dialog to show at its field.
   */
  share(url: string, space: string): Promise<SyncRun>;
  /** A new workspace file with everything in a space (`path` undefined: browser mode names it). */
  join(url: string, space: string, path: string | undefined): Promise<WorkspaceInfo>;
}

export const useSyncStore = create<SyncStore>((set, get) => ({
  status: null,
  conflicts: [],
  busy: false,
  error: null,
  async load() {
    try {
      const status = await api.call('sync.status', {});
      set({ status });
      if (status !== null && status.conflicts > 0) await get().loadConflicts();
      else set({ conflicts: [] });
    } catch {
      // No workspace open (the start screen): nothing to show.
      set({ status: null, conflicts: [] });
    }
  },
  async loadConflicts() {
    try {
      set({ conflicts: await api.call('sync.conflicts', {}) });
    } catch (error) {
      set({ error: { message: errorMessage(error), field: null } });
    }
  },
  async syncNow(password) {
    set({ busy: true, error: null });
    try {
      await api.call('sync.run', password === undefined ? {} : { password });
      return true;
    } catch (error) {
      set({
        error: {
          message: errorMessage(error),
          field: error instanceof ApiError ? (error.field ?? null) : null,
        },
      });
      return false;
    } finally {
      set({ busy: false });
      await get().load();
    }
  },
  kpis: new Map(),
  async loadKpis() {
    try {
      const list = await api.call('kpi.list', {});
      set({ kpis: new Map(list.map((kpi) => [kpi.id, kpi])) });
    } catch {
      // Names are a nicety: a conflict still shows its key without them.
    }
  },
  async share(url, space) {
    const run = await api.call('sync.share', { url, space });
    await get().load();
    return run;
  },
  async join(url, space, path) {
    const joined = await api.call(
      'sync.join',
      path === undefined ? { url, space } : { url, space, path },
    );
    return joined.workspace;
  },
  async keep(changeId) {
    set({ error: null });
    try {
      await api.call('sync.resolve', { changeId });
    } catch (error) {
      set({ error: { message: errorMessage(error), field: null } });
    }
    await get().load();
  },
}));

onServerEvent('sync', ({ status }) => {
  const before = useSyncStore.getState().status;
  useSyncStore.setState({ status });
  if (status === null) useSyncStore.setState({ conflicts: [] });
  // The list follows its count, and each finished sync (whose sides may have changed).
  else if (status.conflicts !== before?.conflicts || status.lastSyncedAt !== before.lastSyncedAt)
    void useSyncStore.getState().loadConflicts();
});

onServerEvent('workspace', () => {
  void useSyncStore.getState().load();
});

import { create } from 'zustand';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import type { HealthReport } from '@shared/health/types';
import { api, errorMessage } from '../api/client';
import { onDataChanged } from '../api/events';
import { useWorkspaceStore } from '../workspace/workspace-store';

// The open workspace's health check: the panel and the dashboard's count read it here, and
// dismissals are written here. Any definition, value or dismissal can change the findings, so
// every change the backend announces reads it again.

interface HealthState {
  report: HealthReport | null;
  error: string | null;
  load(): Promise<void>;
  dismiss(key: string, reason: string): Promise<void>;
  restore(key: string): Promise<void>;
  reset(): void;
}

export const useHealthStore = create<HealthState>((set, get) => ({
  report: null,
  error: null,
  async load() {
    try {
      set({ report: await api.call('health.check', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  // The panel shows a refusal next to the reason; the list follows the change event.
  async dismiss(key, reason) {
    await api.call('health.dismiss', { key, reason });
    await get().load();
  },
  async restore(key) {
    await api.call('health.restore', { key });
    await get().load();
  },
  reset: () => set({ report: null, error: null }),
}));

onDataChanged(CHANGE_ENTITIES, () =>
  useWorkspaceStore.getState().current && useHealthStore.getState().report
    ? useHealthStore.getState().load()
    : undefined,
);

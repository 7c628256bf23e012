import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { StrategyMap } from '@shared/strategy-map/model';
import { layoutStrategyMap, type MapGeometry } from '@shared/strategy-map/layout';
import { api, errorMessage } from '../api/client';
import { onDataChanged } from '../api/events';
import { MAP_KINDS } from '../app/change-kinds';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { useWorkspaceStore } from '../workspace/workspace-store';

// The selected scorecard's strategy map for the view period on screen, laid out. Every write
// (a link added here, a node dragged, a value entered elsewhere) comes back through the
// backend's `changed` event and is read again; nothing is patched locally.

interface StrategyMapState {
  map: StrategyMap | null;
  geometry: MapGeometry | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  addLink(params: MethodParams<'link.create'>): Promise<void>;
  removeLink(id: string): Promise<void>;
  keepPosition(objectiveId: string, x: number, y: number): Promise<void>;
  resetLayout(): Promise<void>;
  reset(): void;
}

export const useStrategyMapStore = create<StrategyMapState>((set, get) => ({
  map: null,
  geometry: null,
  loading: false,
  error: null,
  async load() {
    const { selectedId, choice } = useScorecardStore.getState();
    if (!selectedId) {
      set({ map: null, geometry: null });
      return;
    }
    set({ loading: get().map === null });
    try {
      const map = await api.call('strategyMap.get', {
        scorecardId: selectedId,
        view: { frequency: choice.frequency, basis: choice.basis },
        ...(choice.period ? { period: choice.period } : {}),
      });
      const geometry = await layoutStrategyMap(map);
      if (useScorecardStore.getState().selectedId === selectedId)
        set({ map, geometry, loading: false, error: null });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  // Refused links throw, so the form can show the message next to the field it names.
  async addLink(params) {
    await api.call('link.create', params);
  },
  async removeLink(id) {
    await api.call('link.delete', { id });
  },
  async keepPosition(objectiveId, x, y) {
    const scorecardId = get().map?.scorecardId;
    if (!scorecardId) return;
    try {
      await api.call('strategyMap.setPositions', {
        scorecardId,
        positions: [{ objectiveId, x: Math.round(x), y: Math.round(y) }],
      });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async resetLayout() {
    const scorecardId = get().map?.scorecardId;
    if (!scorecardId) return;
    try {
      await api.call('strategyMap.resetPositions', { scorecardId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  reset: () => set({ map: null, geometry: null, error: null, loading: false }),
}));

/**
 * What a delete of these objectives takes from the strategy map, for its notice: " and its 3
 * links on the strategy map", or nothing when none (the backend removes and logs them).
 */
export async function linksGoingWith(objectiveIds: readonly string[]): Promise<string> {
  const ids = new Set(objectiveIds);
  try {
    const links = await api.call('link.list', {});
    const count = links.filter(
      (l) => ids.has(l.fromObjectiveId) || ids.has(l.toObjectiveId),
    ).length;
    if (count === 0) return '';
    return count === 1
      ? ', and its link on the strategy map'
      : `, and its ${String(count)} links on the strategy map`;
  } catch {
    return '';
  }
}

onDataChanged(MAP_KINDS, () =>
  useWorkspaceStore.getState().current && useStrategyMapStore.getState().map
    ? useStrategyMapStore.getState().load()
    : undefined,
);

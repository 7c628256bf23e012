import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { KpiDefinitionInput } from '@shared/api/schemas';
import type { Kpi, Scorecard } from '@shared/domain/entities';
import { api } from '../api/client';
import { onDataChanged } from '../api/events';

// The scorecard's structure: every write of scorecards, perspectives, objectives and KPIs, and
// the workspace's KPI list that pickers show (parent KPI, formula inputs, reminder rules).
// Writes only write: the backend's `changed` event refreshes whatever shows the structure, here
// and in the other stores. A refused write rejects with the ApiError, for the caller to show
// next to the field or as a notice.

type KpiDefinition = KpiDefinitionInput & { code?: string };

interface StructureState {
  /** Every KPI of the workspace; null until first asked for. */
  kpis: Kpi[] | null;
  loadKpis(): Promise<Kpi[]>;
  createScorecard(params: MethodParams<'scorecard.create'>): Promise<Scorecard>;
  updateScorecard(params: MethodParams<'scorecard.update'>): Promise<void>;
  deleteScorecard(id: string): Promise<void>;
  savePerspective(
    id: string | null,
    params: { scorecardId: string; name: string; weight: number },
  ): Promise<void>;
  reorderPerspectives(scorecardId: string, orderedIds: string[]): Promise<void>;
  deletePerspective(id: string): Promise<void>;
  saveObjective(
    id: string | null,
    params: { perspectiveId: string; name: string; description: string; weight: number },
  ): Promise<void>;
  deleteObjective(id: string): Promise<void>;
  /** Creates a KPI, or updates one and moves it under another parent when that changed. */
  saveKpi(
    kpi: Kpi | null,
    definition: KpiDefinition,
    place: { objectiveId: string; parentKpiId: string | null },
  ): Promise<void>;
  deleteKpi(id: string): Promise<void>;
}

export const useStructureStore = create<StructureState>((set) => ({
  kpis: null,
  async loadKpis() {
    const kpis = await api.call('kpi.list', {});
    set({ kpis });
    return kpis;
  },
  createScorecard: (params) => api.call('scorecard.create', params),
  async updateScorecard(params) {
    await api.call('scorecard.update', params);
  },
  async deleteScorecard(id) {
    await api.call('scorecard.delete', { id });
  },
  async savePerspective(id, { scorecardId, name, weight }) {
    if (id) await api.call('perspective.update', { id, name, weight });
    else await api.call('perspective.create', { scorecardId, name, weight });
  },
  async reorderPerspectives(scorecardId, orderedIds) {
    await api.call('perspective.reorder', { scorecardId, orderedIds });
  },
  async deletePerspective(id) {
    await api.call('perspective.delete', { id });
  },
  async saveObjective(id, { perspectiveId, name, description, weight }) {
    if (id) await api.call('objective.update', { id, name, description, weight });
    else await api.call('objective.create', { perspectiveId, name, description, weight });
  },
  async deleteObjective(id) {
    await api.call('objective.delete', { id });
  },
  async saveKpi(kpi, definition, { objectiveId, parentKpiId }) {
    if (kpi) {
      await api.call('kpi.update', { id: kpi.id, patch: definition });
      if ((kpi.parentKpiId ?? null) !== parentKpiId)
        await api.call('kpi.setParent', { id: kpi.id, parentKpiId });
    } else {
      await api.call('kpi.create', { ...definition, objectiveId, parentKpiId });
    }
  },
  async deleteKpi(id) {
    await api.call('kpi.delete', { id });
  },
}));

onDataChanged(['kpi', 'objective', 'perspective', 'scorecard'], () =>
  useStructureStore.getState().kpis === null ? undefined : useStructureStore.getState().loadKpis(),
);

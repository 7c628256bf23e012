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

export interface ScorecardContents {
  /** Its sub-scorecards at every depth. */
  subScorecards: number;
  kpis: number;
  values: number;
}

/** A scorecard and its sub-scorecards at every depth. */
export function scorecardSubtree(id: string, scorecards: Scorecard[]): string[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i += 1)
    for (const card of scorecards) if (card.parentId === ids[i]) ids.push(card.id);
  return ids;
}

interface StructureState {
  /** Every KPI of the workspace; null until first asked for. */
  kpis: Kpi[] | null;
  loadKpis(): Promise<Kpi[]>;
  createScorecard(params: MethodParams<'scorecard.create'>): Promise<Scorecard>;
  updateScorecard(params: MethodParams<'scorecard.update'>): Promise<void>;
  deleteScorecard(id: string): Promise<void>;
  /** What deleting a scorecard takes with it, to say so before it goes. */
  scorecardContents(id: string, scorecards: Scorecard[]): Promise<ScorecardContents>;
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
  async scorecardContents(id, scorecards) {
    const ids = scorecardSubtree(id, scorecards);
    const lists = await Promise.all(
      ids.map((scorecardId) => api.call('kpi.list', { scorecardId })),
    );
    const kpiIds = lists.flat().map((kpi) => kpi.id);
    const values = kpiIds.length === 0 ? [] : await api.call('value.list', { kpiIds });
    return { subScorecards: ids.length - 1, kpis: kpiIds.length, values: values.length };
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

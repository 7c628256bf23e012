import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { ActionPlan } from '@shared/domain/entities';
import { api } from '../api/client';
import { onDataChanged } from '../api/events';

// Action plans per KPI, for the KPI detail dialog. Every write goes through here. The change
// log does not name action plans yet, so the backend's `changed` event cannot say one changed:
// a write reads its KPI's plans again itself, and a KPI change (a delete, say) reads them all.

interface ActionPlansState {
  byKpi: Record<string, ActionPlan[]>;
  load(kpiId: string): Promise<void>;
  create(kpiId: string, params: Omit<MethodParams<'actionPlan.create'>, 'kpiId'>): Promise<void>;
  update(kpiId: string, params: MethodParams<'actionPlan.update'>): Promise<void>;
  remove(kpiId: string, id: string): Promise<void>;
}

export const useActionPlansStore = create<ActionPlansState>((set, get) => ({
  byKpi: {},
  async load(kpiId) {
    const plans = await api.call('actionPlan.list', { kpiId });
    set({ byKpi: { ...get().byKpi, [kpiId]: plans } });
  },
  async create(kpiId, params) {
    await api.call('actionPlan.create', { ...params, kpiId });
    await get().load(kpiId);
  },
  async update(kpiId, params) {
    await api.call('actionPlan.update', params);
    await get().load(kpiId);
  },
  async remove(kpiId, id) {
    await api.call('actionPlan.delete', { id });
    await get().load(kpiId);
  },
}));

onDataChanged(['kpi'], () => {
  const { byKpi, load } = useActionPlansStore.getState();
  return Promise.all(Object.keys(byKpi).map((kpiId) => load(kpiId).catch(() => undefined)));
});

import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { ActionPlan } from '@shared/domain/entities';
import { api } from '../api/client';
import { onDataChanged } from '../api/events';
import { ACTION_PLAN_KINDS } from '../app/change-kinds';

// Action plans per KPI, for the KPI detail dialog. Every write goes through here and only
// writes: the backend's `changed` event (action plans are in the change log) reads the plans
// shown again, as it does after a KPI or objective change (a delete takes its plans along).

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
  },
  async update(_kpiId, params) {
    await api.call('actionPlan.update', params);
  },
  async remove(_kpiId, id) {
    await api.call('actionPlan.delete', { id });
  },
}));

onDataChanged(ACTION_PLAN_KINDS, () => {
  const { byKpi, load } = useActionPlansStore.getState();
  return Promise.all(Object.keys(byKpi).map((kpiId) => load(kpiId).catch(() => undefined)));
});

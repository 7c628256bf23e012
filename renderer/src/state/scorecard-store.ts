import { create } from 'zustand';
import type { Scorecard, ScorecardView } from '@shared/domain/entities';
import { api, errorMessage } from '../api/client';

// The scorecard tree and the view of the selected scorecard.

interface ScorecardState {
  scorecards: Scorecard[];
  selectedId: string | null;
  view: ScorecardView | null;
  error: string | null;
  load(): Promise<void>;
  select(id: string): Promise<void>;
  refresh(): Promise<void>;
  reset(): void;
}

export const useScorecardStore = create<ScorecardState>((set, get) => ({
  scorecards: [],
  selectedId: null,
  view: null,
  error: null,
  async load() {
    try {
      const scorecards = await api.call('scorecard.list', {});
      const selected = get().selectedId;
      const keep = scorecards.some((card) => card.id === selected);
      const first = scorecards.find((card) => card.parentId === null) ?? scorecards[0];
      set({ scorecards, error: null });
      const id = keep ? selected : (first?.id ?? null);
      if (id) await get().select(id);
      else set({ selectedId: null, view: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async select(id) {
    set({ selectedId: id });
    try {
      const view = await api.call('scorecard.view', { id });
      if (get().selectedId === id) set({ view, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async refresh() {
    const id = get().selectedId;
    const scorecards = await api.call('scorecard.list', {});
    set({ scorecards });
    if (id && scorecards.some((card) => card.id === id)) await get().select(id);
    else await get().load();
  },
  reset: () => set({ scorecards: [], selectedId: null, view: null, error: null }),
}));

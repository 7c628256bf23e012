import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { Scorecard } from '@shared/domain/entities';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { api, errorMessage } from '../api/client';
import { onDataChanged } from '../api/events';
import { useWorkspaceStore } from '../workspace/workspace-store';
import {
  DEFAULT_CHOICE,
  evaluationParams,
  openingScorecard,
  type ViewChoice,
} from './evaluation-params';

// The scorecard tree, the selected scorecard evaluated for the chosen view period, and the
// view choices (month / quarter / year, calendar or fiscal, which period).

interface ScorecardState {
  scorecards: Scorecard[];
  selectedId: string | null;
  view: ScorecardRows | null;
  choice: ViewChoice;
  error: string | null;
  /** The first load since the workspace opened has finished (shown, or failed). */
  loaded: boolean;
  load(): Promise<void>;
  /** load() with the scorecard list already read: the evaluation is asked for at once. */
  loadFrom(scorecards: Scorecard[]): Promise<void>;
  select(id: string): Promise<void>;
  choose(choice: Partial<ViewChoice>): Promise<void>;
  refresh(): Promise<void>;
  reset(): void;
}

export const useScorecardStore = create<ScorecardState>((set, get) => ({
  scorecards: [],
  selectedId: null,
  view: null,
  choice: DEFAULT_CHOICE,
  error: null,
  loaded: false,
  async load() {
    let scorecards: Scorecard[];
    try {
      scorecards = await api.call('scorecard.list', {});
    } catch (error) {
      set({ error: errorMessage(error), loaded: true });
      return;
    }
    await get().loadFrom(scorecards);
  },
  async loadFrom(scorecards) {
    const selected = get().selectedId;
    const keep = scorecards.some((card) => card.id === selected);
    const first = openingScorecard(scorecards);
    set({ scorecards, error: null });
    const id = keep ? selected : (first?.id ?? null);
    // select() never throws: it shows its own failure.
    if (id) await get().select(id);
    else set({ selectedId: null, view: null });
    set({ loaded: true });
  },
  async select(id) {
    set({ selectedId: id });
    const { choice } = get();
    try {
      const view = await api.call('scorecard.evaluate', evaluationParams(id, choice));
      if (get().selectedId === id) set({ view, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async choose(change) {
    const before = get().choice;
    const choice = { ...before, ...change };
    // A new frequency or basis names periods differently: start from the latest again.
    if (change.frequency !== undefined || change.basis !== undefined)
      choice.period = change.period ?? null;
    set({ choice });
    const id = get().selectedId;
    if (id) await get().select(id);
  },
  async refresh() {
    try {
      const scorecards = await api.call('scorecard.list', {});
      set({ scorecards });
      // Read after the list: a scorecard selected meanwhile (just added) stays selected.
      const id = get().selectedId;
      if (id && scorecards.some((card) => card.id === id)) await get().select(id);
      else await get().load();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  reset: () =>
    set({
      scorecards: [],
      selectedId: null,
      view: null,
      error: null,
      loaded: false,
      choice: DEFAULT_CHOICE,
    }),
}));

/** One KPI's whole record (the rows carry what they show). */
export const readKpi = (id: string) => api.call('kpi.get', { id });
/** One KPI in depth (the detail dialog), for the view on screen. */
export const readKpiDetail = (params: MethodParams<'kpi.detail'>) => api.call('kpi.detail', params);
/** Every KPI with its parent, evaluated (the hierarchy tab). */
export const readKpiTree = (params: MethodParams<'kpi.tree'>) => api.call('kpi.tree', params);

// Whatever is written — here, in another view, by an import or by another window — the tree and
// the evaluation on screen follow (values and definitions change statuses and roll-ups).
onDataChanged(['workspace', 'scorecard', 'perspective', 'objective', 'kpi', 'value'], () =>
  useWorkspaceStore.getState().current ? useScorecardStore.getState().refresh() : undefined,
);

import { useEffect } from 'react';
import { create } from 'zustand';
import type { RowKpi, ScorecardRows } from '@shared/domain/evaluation';
import { api } from '../api/client';
import { useScorecardStore } from '../scorecard/scorecard-store';

// "Open the workspace at the KPI" (a clicked notification): the request is kept here until the
// scorecard that holds the KPI is on screen, then its detail dialog opens. The KPI may live in
// another scorecard of the workspace than the one shown, or be gone since the alert was made.

interface KpiFocusState {
  kpiId: string | null;
  /** "Enter value" from a reminder: the grid opens at this KPI's cell for this period. */
  cell: { kpiId: string; period: string } | null;
  request(kpiId: string): void;
  requestCell(kpiId: string, period: string): void;
  clear(): void;
  clearCell(): void;
}

export const useKpiFocusStore = create<KpiFocusState>((set) => ({
  kpiId: null,
  cell: null,
  request: (kpiId) => set({ kpiId }),
  requestCell: (kpiId, period) => set({ cell: { kpiId, period } }),
  clear: () => set({ kpiId: null }),
  clearCell: () => set({ cell: null }),
}));

/** Shows the requested KPI's detail through `show` once it is in `view`'s scorecard. */
export function useFocusedKpi(view: ScorecardRows, show: (kpi: RowKpi) => void): void {
  const kpiId = useKpiFocusStore((state) => state.kpiId);
  const clear = useKpiFocusStore((state) => state.clear);
  const scorecards = useScorecardStore((state) => state.scorecards);
  const select = useScorecardStore((state) => state.select);

  useEffect(() => {
    if (kpiId === null) return;
    const here = view.perspectives
      .flatMap((perspective) => perspective.objectives.flatMap((objective) => objective.kpis))
      .find((entry) => entry.kpi.id === kpiId);
    if (here) {
      clear();
      show(here.kpi);
      return;
    }
    // Set by the cleanup: a newer view or request has taken over this search.
    const run = { cancelled: false };
    void (async () => {
      try {
        for (const card of scorecards) {
          if (card.id === view.scorecard.id) continue;
          const kpis = await api.call('kpi.list', { scorecardId: card.id });
          if (run.cancelled) return;
          if (kpis.some((kpi) => kpi.id === kpiId)) {
            // Selecting it brings a new view, and this effect finds the KPI there.
            await select(card.id);
            return;
          }
        }
      } catch {
        // The workspace is open, which is the most that can be done.
      }
      if (!run.cancelled) clear();
    })();
    return () => {
      run.cancelled = true;
    };
  }, [kpiId, view, scorecards, select, clear, show]);
}

/** The scorecard that holds a KPI, or null when none does (it was deleted since). */
export async function scorecardOfKpi(kpiId: string): Promise<string | null> {
  for (const card of useScorecardStore.getState().scorecards) {
    const kpis = await api.call('kpi.list', { scorecardId: card.id });
    if (kpis.some((kpi) => kpi.id === kpiId)) return card.id;
  }
  return null;
}

/**
 * "Enter value": the KPI's own scorecard on screen, then the grid at the KPI's cell for the
 * period (reminders, the dashboard, the health check).
 */
export async function enterValueAt(kpiId: string, period: string): Promise<void> {
  const scorecardId = await scorecardOfKpi(kpiId);
  if (scorecardId && scorecardId !== useScorecardStore.getState().selectedId)
    await useScorecardStore.getState().select(scorecardId);
  useKpiFocusStore.getState().requestCell(kpiId, period);
}

import { useEffect } from 'react';
import { create } from 'zustand';
import type { KpiDefinition } from '@shared/domain/entities';
import type { ScorecardRows } from '@shared/domain/evaluation';
import type { HealthFinding, HealthFix } from '@shared/health/types';
import { enterValueAt } from '../reminders/kpi-focus';
import { useScorecardStore } from '../scorecard/scorecard-store';

// A health finding's fix, one click away: the grid at a cell goes the way reminders' "Enter
// value" does; a KPI's form at a field, a new KPI or an objective is kept here until the
// scorecard that holds it is on screen, and the scorecard view opens it.

type ViewFix = Exclude<HealthFix, { kind: 'grid_cell' }>;

interface FixState {
  request: { fix: ViewFix; scorecardId: string | null } | null;
  ask(fix: ViewFix, scorecardId: string | null): void;
  clear(): void;
}

export const useFixStore = create<FixState>((set) => ({
  request: null,
  ask: (fix, scorecardId) => set({ request: { fix, scorecardId } }),
  clear: () => set({ request: null }),
}));

export function openFix(finding: Pick<HealthFinding, 'fix' | 'scorecard'>): void {
  const { fix } = finding;
  if (fix.kind === 'grid_cell') void enterValueAt(fix.kpiId, fix.period);
  else useFixStore.getState().ask(fix, finding.scorecard?.id ?? null);
}

export interface FixHandlers {
  editKpi(objectiveId: string, kpiId: string, field: keyof KpiDefinition): void;
  newKpi(objectiveId: string): void;
  showObjective(objectiveId: string): void;
}

/** Carries out a requested fix once `view` holds its subject, selecting its scorecard first. */
export function useFixRequest(view: ScorecardRows, handlers: FixHandlers): void {
  const request = useFixStore((state) => state.request);
  const select = useScorecardStore((state) => state.select);
  const { editKpi, newKpi, showObjective } = handlers;
  useEffect(() => {
    if (request === null) return;
    const { fix, scorecardId } = request;
    const objectives = view.perspectives.flatMap((perspective) => perspective.objectives);
    if (fix.kind === 'kpi_field') {
      const holder = objectives.find((o) => o.kpis.some((entry) => entry.kpi.id === fix.kpiId));
      if (holder) {
        useFixStore.getState().clear();
        editKpi(holder.objective.id, fix.kpiId, fix.field);
        return;
      }
    } else if (objectives.some((o) => o.objective.id === fix.objectiveId)) {
      useFixStore.getState().clear();
      if (fix.kind === 'new_kpi') newKpi(fix.objectiveId);
      else showObjective(fix.objectiveId);
      return;
    }
    // Not in this scorecard: its own, once; a subject gone since the check is let go.
    if (scorecardId !== null && scorecardId !== view.scorecard.id) void select(scorecardId);
    else useFixStore.getState().clear();
  }, [request, view, select, editKpi, newKpi, showObjective]);
}

import { statusOf } from '@shared/domain/status';
import type { Kpi, KpiStatusView, ScorecardView } from '@shared/domain/entities';
import { listKpis } from '../store/kpis';
import { getScorecard, listObjectives, listPerspectives } from '../store/records';
import { latestValues } from '../store/values';
import type { HandlerGroup } from './types';

// The scorecard screen in one read: perspectives → objectives → KPIs, each KPI with its latest
// value, its target and the status that value earns.

export const viewHandlers = {
  'scorecard.view': (input, ctx): ScorecardView => {
    const { db } = ctx.workspace();
    return db.transaction(() => {
      const scorecard = getScorecard(db, input.id, 'id');
      const kpis = listKpis(db, scorecard.id);
      const latest = latestValues(
        db,
        kpis.map((kpi) => kpi.id),
      );
      const byObjective = new Map<string, Kpi[]>();
      for (const kpi of kpis) {
        const list = byObjective.get(kpi.objectiveId) ?? [];
        list.push(kpi);
        byObjective.set(kpi.objectiveId, list);
      }
      const statusView = (kpi: Kpi): KpiStatusView => {
        const value = latest.get(kpi.id) ?? null;
        return {
          kpi,
          latest: value,
          target: kpi.target,
          status: statusOf({
            value: value?.value ?? null,
            direction: kpi.direction,
            target: kpi.target,
            targetMin: kpi.targetMin,
            targetMax: kpi.targetMax,
            thresholds: kpi.thresholds,
          }),
        };
      };
      return {
        scorecard,
        perspectives: listPerspectives(db, scorecard.id).map((perspective) => ({
          perspective,
          objectives: listObjectives(db, perspective.id).map((objective) => ({
            objective,
            kpis: (byObjective.get(objective.id) ?? []).map(statusView),
          })),
        })),
      };
    })();
  },
} satisfies HandlerGroup;

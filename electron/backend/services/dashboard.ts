import {
  attentionList,
  biggestMovers,
  dueActionPlans,
  placedKpis,
  statusCounts,
} from '@shared/dashboard/build';
import {
  ATTENTION_LISTED,
  DUE_LISTED,
  type Dashboard,
  type DashboardDueValue,
} from '@shared/dashboard/types';
import type { Kpi } from '@shared/domain/entities';
import { SPARKLINE_POINTS } from '@shared/domain/evaluation';
import { OVERDUE_LOOKBACK_DAYS, scheduleWorkspaces } from '@shared/reminders/schedule';
import { periodsOfBucket } from '@shared/scoring/buckets';
import type { ViewSpec } from '@shared/scoring/calendar';
import type { KpiEvaluation } from '@shared/scoring/evaluate-kpis';
import { readSnapshot } from '../reminders/snapshot';
import { listActionPlans } from '../store/action-plans';
import type { Workspace } from '../workspace/workspace';
import type { Db } from '../workspace/connection';
import { memoByDataState } from '../store/data-state';
import { keptEvaluation, type ViewInput } from './evaluation';
import { checkHealth } from './health';

// The dashboard (issue 17 point 5) in one call: the scorecard evaluated as the scorecard view
// evaluates it, with the values due (the reminders' own schedule), the action plans due and
// the health check's count around it.

const DAY_MS = 86_400_000;
/** Values falling due this soon are listed with the overdue ones. */
const DUE_AHEAD_DAYS = 7;

export interface DashboardInput {
  scorecardId: string;
  view: ViewInput;
  period?: string | undefined;
  timeZone: string;
}

/** The latest comment on a value the KPI shows for the view period. */
function commentReader(db: Db, view: ViewSpec, bucket: string) {
  const latest = db.prepare<[string, string], { comment: string }>(
    `SELECT comment FROM kpi_values
     WHERE kpi_id = ? AND period IN (SELECT value FROM json_each(?)) AND comment <> ''
     ORDER BY period DESC LIMIT 1`,
  );
  return (kpi: Kpi, evaluation: KpiEvaluation): string => {
    const periods =
      evaluation.period !== null
        ? [evaluation.period]
        : periodsOfBucket(kpi.frequency, bucket, view);
    return latest.get(kpi.id, JSON.stringify(periods))?.comment ?? '';
  };
}

/**
 * Values of these KPIs due by a week from now and not entered, oldest first. `keep`: as for
 * the evaluation, whether what is read may be kept.
 */
function dueValues(
  workspace: Workspace,
  kpiIds: ReadonlySet<string>,
  nowMs: number,
  zone: string,
  keep: boolean,
): DashboardDueValue[] {
  const fromMs = nowMs - OVERDUE_LOOKBACK_DAYS * DAY_MS;
  const fromYear = new Date(fromMs - 366 * DAY_MS).getUTCFullYear();
  // Every KPI's periods with a value since a year back: kept while the data is unchanged, as
  // the dashboard is read again by every reload and every visit (about 20 ms a read of the
  // 500-KPI x 120-month benchmark workspace). Shared once kept, so changed only by copying.
  const read = memoByDataState(
    workspace.db,
    JSON.stringify(['due-snapshot', workspace.path, fromYear]),
    keep,
    () => readSnapshot(workspace.db, workspace.path, fromYear, false),
  );
  // Whether a reminder is sent is the reminders' setting; a missing value is due regardless.
  const snapshot = {
    ...read,
    settings: { ...read.settings, dataDue: { ...read.settings.dataDue, enabled: true } },
  };
  const byId = new Map(snapshot.kpis.map((kpi) => [kpi.id, kpi]));
  return scheduleWorkspaces([snapshot], {
    from: new Date(fromMs).toISOString(),
    to: new Date(nowMs + DUE_AHEAD_DAYS * DAY_MS).toISOString(),
    zone,
  }).flatMap((reminder) =>
    reminder.kind === 'data_due' &&
    reminder.kpiId !== null &&
    reminder.period !== null &&
    kpiIds.has(reminder.kpiId)
      ? [
          {
            kpiId: reminder.kpiId,
            kpiName: byId.get(reminder.kpiId)?.name ?? '',
            owner: reminder.owner,
            frequency: byId.get(reminder.kpiId)?.frequency ?? 'monthly',
            period: reminder.period,
            dueAt: reminder.dueAt,
            overdue: Date.parse(reminder.dueAt) < nowMs,
          },
        ]
      : [],
  );
}

export function dashboard(workspace: Workspace, now: string, input: DashboardInput): Dashboard {
  const { db } = workspace;
  // This transaction only reads: what it evaluates is kept like the scorecard view's own.
  const keep = !db.inTransaction;
  return db.transaction(() => {
    // The scorecard view's sparkline length, though no sparkline shows here: the evaluation
    // the view keeps is then reused, not computed again (issue 19; only the sparkline differs).
    const evaluation = keptEvaluation(
      db,
      now,
      {
        id: input.scorecardId,
        view: input.view,
        period: input.period,
        sparklineLength: SPARKLINE_POINTS,
      },
      keep,
    );
    const kpis = placedKpis(evaluation);
    const counts = statusCounts(kpis);
    const kpiIds = new Set(kpis.map((entry) => entry.kpi.id));
    const names = new Map<string, string>();
    for (const entry of kpis) {
      names.set(entry.kpi.id, entry.kpi.name);
      names.set(entry.kpi.objectiveId, entry.objectiveName);
    }
    for (const perspective of evaluation.perspectives)
      for (const { objective } of perspective.objectives) names.set(objective.id, objective.name);
    const due = dueValues(workspace, kpiIds, Date.parse(now), input.timeZone, keep);
    // The health check reads every KPI's periods: kept while the data and the day are the same.
    const health = memoByDataState(db, JSON.stringify(['health', now.slice(0, 10)]), keep, () =>
      checkHealth(db, now),
    );
    return {
      scorecard: { id: evaluation.scorecard.id, name: evaluation.scorecard.name },
      view: evaluation.view,
      period: evaluation.period,
      availablePeriods: evaluation.availablePeriods,
      completeness: evaluation.completeness,
      counts,
      // Only the rows the tile lists read their comment.
      attention: attentionList(
        kpis,
        commentReader(db, evaluation.view, evaluation.period),
        ATTENTION_LISTED,
      ),
      attentionTotal: counts.off_track + counts.at_risk,
      movers: biggestMovers(kpis),
      due: due.slice(0, DUE_LISTED),
      dueTotal: due.length,
      overdueTotal: due.filter((value) => value.overdue).length,
      actionPlans: dueActionPlans(
        listActionPlans(db),
        now.slice(0, 10),
        (plan) => names.get(plan.kpiId ?? plan.objectiveId ?? '') ?? null,
      ),
      health: { ...health.counts, dismissed: health.dismissed.length },
    };
  })();
}

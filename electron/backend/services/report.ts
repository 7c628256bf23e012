import { ApiError } from '@shared/api/errors';
import type { Kpi, Scorecard } from '@shared/domain/entities';
import { depthFirst } from '@shared/domain/hierarchy';
import { buildReport } from '@shared/report/build';
import type { ChartPointSource, ReportModel, ReportSectionSource } from '@shared/report/model';
import type { ReportOptions } from '@shared/report/options';
import { chartLength, comparisonPeriodOf } from '@shared/report/periods';
import { bucketsEndingAt } from '@shared/scoring/buckets';
import { bucketOf, type ViewSpec } from '@shared/scoring/calendar';
import { evaluateKpis } from '@shared/scoring/evaluate-kpis';
import { readReportOptions, writeReportOptions } from '../report/options-store';
import type { Tx } from '../store/change-log';
import { evaluateScorecard } from './evaluation';
import { listActionPlans } from '../store/action-plans';
import { readEvaluationInputs, type EvaluationInputs } from '../store/evaluation-inputs';
import { getScorecard, listAllScorecards } from '../store/records';
import type { Db } from '../workspace/connection';
import * as dagre from '@dagrejs/dagre';
import { layoutWith } from '@shared/strategy-map/layout';
import { strategyMapOf } from './strategy-map';

// The board report: its remembered options, and everything it shows, read in one transaction
// and handed to the pure model builder (shared/report/build.ts).

export function reportOptions(tx: Tx): ReportOptions {
  return readReportOptions(tx.db);
}

/** Remembers the options in the workspace file and returns them as stored. */
export function rememberReportOptions(tx: Tx, options: ReportOptions): ReportOptions {
  tx.db.transaction(() => {
    writeReportOptions(tx, options);
  })();
  return options;
}

/** The chosen scorecard, then (when asked) its descendants depth-first in tree order. */
function reportScorecards(
  all: readonly Scorecard[],
  root: Scorecard,
  withChildren: boolean,
): { scorecard: Scorecard; depth: number }[] {
  if (!withChildren) return [{ scorecard: root, depth: 0 }];
  const children = new Map<string, Scorecard[]>();
  for (const card of all) {
    if (card.parentId === null) continue;
    const siblings = children.get(card.parentId);
    if (siblings) siblings.push(card);
    else children.set(card.parentId, [card]);
  }
  return depthFirst(
    [root],
    (card) => children.get(card.id) ?? [],
    (card) => card.id,
  ).map(({ item, depth }) => ({ scorecard: item, depth }));
}

/** Each KPI's value, target and status in every chart period, from one read of the values. */
function chartSeries(
  inputs: EvaluationInputs,
  kpiIds: ReadonlySet<string>,
  view: ViewSpec,
  period: string,
): Record<string, ChartPointSource[]> {
  const series: Record<string, ChartPointSource[]> = {};
  for (const id of kpiIds) series[id] = [];
  for (const bucket of bucketsEndingAt(period, chartLength(view), view)) {
    const evaluations = evaluateKpis(inputs.kpis, inputs.values, {
      view,
      bucket,
      sparklineLength: 2,
    });
    for (const id of kpiIds) {
      const point = evaluations.get(id);
      series[id]?.push({
        period: bucket,
        value: point?.value ?? null,
        target: point?.target ?? null,
        status: point?.status ?? 'no_data',
      });
    }
  }
  return series;
}

/** The comments entered on each KPI's values that fall in the report period. */
function periodComments(
  db: Db,
  kpis: readonly Kpi[],
  view: ViewSpec,
  period: string,
): Record<string, string> {
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const found = new Map<string, string[]>();
  const rows = db
    .prepare<[], { kpi_id: string; period: string; comment: string }>(
      `SELECT kpi_id, period, comment FROM kpi_values WHERE comment <> '' ORDER BY kpi_id, period`,
    )
    .all();
  for (const row of rows) {
    const kpi = byId.get(row.kpi_id);
    if (!kpi || bucketOf(kpi.frequency, row.period, view) !== period) continue;
    found.set(kpi.id, [...(found.get(kpi.id) ?? []), row.comment]);
  }
  return Object.fromEntries([...found].map(([id, comments]) => [id, comments.join(' · ')]));
}

export function reportData(db: Db, now: string, options: ReportOptions): ReportModel {
  return db.transaction(() => {
    const all = listAllScorecards(db);
    const rootId = options.scorecardId ?? all.find((s) => s.parentId === null)?.id;
    if (rootId === undefined)
      throw new ApiError({
        code: 'VALIDATION',
        field: 'scorecardId',
        message: 'Add a scorecard first: a report shows one scorecard and its KPIs.',
      });
    const root = getScorecard(db, rootId, 'scorecardId');
    const view = { frequency: options.frequency, basis: options.basis };
    const length = chartLength(view);
    const main = evaluateScorecard(db, now, {
      id: root.id,
      view,
      ...(options.period === null ? {} : { period: options.period }),
      sparklineLength: length,
    });
    const { period } = main;
    const comparisonPeriod = comparisonPeriodOf(period, options.comparison, main.view);
    const sections: ReportSectionSource[] = reportScorecards(
      all,
      root,
      options.includeChildren,
    ).map(({ scorecard, depth }) => ({
      current:
        depth === 0
          ? main
          : evaluateScorecard(db, now, { id: scorecard.id, view, period, sparklineLength: length }),
      comparison: evaluateScorecard(db, now, {
        id: scorecard.id,
        view,
        period: comparisonPeriod,
        sparklineLength: 2,
      }),
      depth,
    }));
    const kpis = sections.flatMap((section) =>
      section.current.perspectives.flatMap((p) =>
        p.objectives.flatMap((o) => o.kpis.map((entry) => entry.kpi)),
      ),
    );
    const inputs = readEvaluationInputs(db);
    const report = buildReport({
      options,
      generatedAt: now,
      sections,
      series: options.includeKpiPages
        ? chartSeries(inputs, new Set(kpis.map((kpi) => kpi.id)), main.view, period)
        : {},
      comments: options.includeComments ? periodComments(db, kpis, main.view, period) : {},
      actionPlans: options.includeActionPlans ? listActionPlans(db) : [],
    });
    if (!options.includeStrategyMap) return report;
    const map = strategyMapOf(db, now, main, view);
    // Laid out here, so the print view draws it at once (the page prints when it is drawn).
    return map.nodes.length === 0
      ? report
      : { ...report, strategyMap: { map, geometry: layoutWith(dagre, map) } };
  })();
}

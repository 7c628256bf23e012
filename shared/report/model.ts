import type { ActionPlan, Unit } from '../domain/entities';
import type { Direction, Status } from '../domain/kpi';
import type { ScorecardEvaluation } from '../domain/evaluation';
import type { RangeLimits, StatusLimits } from '../scoring/bands';
import type { ViewSpec } from '../scoring/calendar';
import type { Trend } from '../scoring/evaluate-kpis';
import type { ReportOptions } from './options';
import type { MapGeometry } from '../strategy-map/layout';
import type { StrategyMap } from '../strategy-map/model';

// The board report as data: everything the print view draws, and nothing it has to compute
// beyond formatting. Numbers stay numbers (the renderer formats them in the user's locale).

/** One scorecard evaluated for the report period and the comparison period. */
export interface ReportSectionSource {
  current: ScorecardEvaluation;
  comparison: ScorecardEvaluation;
  /** 0 for the chosen scorecard, 1 for its children, and so on. */
  depth: number;
}

export interface ChartPointSource {
  period: string;
  value: number | null;
  target: number | null;
  status: Status;
}

/** What the backend reads; `buildReport` turns it into the model. */
export interface ReportSource {
  options: ReportOptions;
  generatedAt: string;
  sections: ReportSectionSource[];
  /** Per KPI id: its values, targets and statuses over the chart window, oldest first. */
  series: Record<string, ChartPointSource[]>;
  /** Per KPI id: the comments entered on its values in the report period. */
  comments: Record<string, string>;
  actionPlans: ActionPlan[];
}

export interface ReportKpi {
  id: string;
  name: string;
  owner: string;
  unit: Unit;
  decimals: number;
  direction: Direction;
  scorecardName: string;
  perspectiveName: string;
  objectiveName: string;
  value: number | null;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  /** Value minus target (for a range: distance to the nearest end, 0 inside); null if unknown. */
  gap: number | null;
  status: Status;
  score: number | null;
  trend: Trend;
  improved: boolean | null;
  comparisonValue: number | null;
  comparisonStatus: Status;
  comment: string;
}

export interface ReportObjective {
  id: string;
  name: string;
  status: Status;
  score: number | null;
  kpis: ReportKpi[];
}

export interface ReportChartPoint extends ChartPointSource {
  /** Where the status changes for this point's target (higher/lower-is-better KPIs). */
  limits: StatusLimits | null;
}

export interface ReportChart {
  kpiId: string;
  name: string;
  unit: Unit;
  decimals: number;
  direction: Direction;
  points: ReportChartPoint[];
  /** For within-range KPIs: the bands, the same for every period. */
  range: RangeLimits | null;
  comment: string;
}

export interface ReportPerspective {
  id: string;
  name: string;
  status: Status;
  score: number | null;
  objectives: ReportObjective[];
  charts: ReportChart[];
}

export interface ReportSection {
  scorecardId: string;
  name: string;
  depth: number;
  status: Status;
  score: number | null;
  perspectives: ReportPerspective[];
}

export interface ReportMovement {
  kpiId: string;
  name: string;
  scorecardName: string;
  from: Status;
  to: Status;
  better: boolean;
}

export interface ReportActionPlan extends ActionPlan {
  /** The KPI or objective it is about. */
  subject: string;
  scorecardName: string;
  overdue: boolean;
}

/** The report's strategy-map page: the map and where each objective sits on it. */
export interface ReportStrategyMap {
  map: StrategyMap;
  geometry: MapGeometry;
}

export interface ReportModel {
  /** The options the report was made with, with the scorecard and period resolved. */
  options: ReportOptions & { scorecardId: string; period: string };
  view: ViewSpec;
  period: string;
  comparisonPeriod: string;
  generatedAt: string;
  scorecardName: string;
  /** Periods of this view with any value, newest first (for the options dialog). */
  availablePeriods: string[];
  /** The chosen scorecard's perspectives, for the options dialog. */
  perspectiveChoices: { id: string; name: string }[];
  /** False when no KPI in the report has a value in the period. */
  hasData: boolean;
  /** The chosen scorecard's strategy map; absent when not included or it has no objectives. */
  strategyMap?: ReportStrategyMap;
  overall: {
    status: Status;
    score: number | null;
    comparisonStatus: Status;
    comparisonScore: number | null;
  };
  counts: Record<Status, number>;
  movements: ReportMovement[];
  /** Off-track KPIs, then at-risk ones, worst score first. */
  attention: ReportKpi[];
  sections: ReportSection[];
  actionPlans: ReportActionPlan[];
}

import { DateTime } from 'luxon';
import type { Status } from '../domain/kpi';
import { STATUS_LABELS } from '../domain/kpi';
import { formatValue } from '../domain/format';
import { periodLabel } from '../domain/period';
import { bucketLabel, type ViewFrequency } from '../scoring/calendar';
import {
  alertFindings,
  type AlertFinding,
  type AlertInputs,
  type ForecastFinding,
  type StatusFinding,
} from './alert-status';
import { byDue } from './schedule';
import type { Reminder, WorkspaceSnapshot } from './types';

// Off-track alerts (PRODUCT.md "Reminder": "Churn went off track"). The rule: a KPI or an
// objective whose status in its latest period with data is worse than in the period before
// — into at risk, or into off track — gives one alert, named by the period and the status it
// reached; so does a forecast that the period running today will miss its target. Like every
// reminder, an alert is computed, not stored: entering a better value makes it go away, and
// only what the user did with it is kept by its key (never twice).

/** How bad a status is; no data counts as fine, so a first value that is off track alerts. */
const SEVERITY: Record<Status, number> = { on_track: 0, no_data: 0, at_risk: 1, off_track: 2 };

/** True when `status` is news worth an alert after `previous`. */
export function isWorse(status: Status, previous: Status): boolean {
  return (status === 'at_risk' || status === 'off_track') && SEVERITY[status] > SEVERITY[previous];
}

export function statusAlertKey(
  workspacePath: string,
  subjectId: string,
  bucket: string,
  status: Status,
): string {
  return `${workspacePath}#alert:${subjectId}:${bucket}:${status}`;
}

export function forecastAlertKey(workspacePath: string, kpiId: string, bucket: string): string {
  return `${workspacePath}#forecast:${kpiId}:${bucket}`;
}

function viewLabel(view: ViewFrequency, bucket: string, locale: string | undefined): string {
  return view === 'month' ? periodLabel('monthly', bucket, locale) : bucketLabel(bucket);
}

const ownerText = (owner: string): string => (owner ? `Owner: ${owner}` : 'No owner');

function statusAlert(
  finding: StatusFinding,
  workspace: Pick<WorkspaceSnapshot, 'path' | 'name'>,
  locale: string | undefined,
): Reminder | null {
  const { status, previous } = finding;
  if (status !== 'at_risk' && status !== 'off_track') return null;
  if (!isWorse(status, previous)) return null;
  const period = viewLabel(finding.view, finding.bucket, locale);
  const before = viewLabel(finding.view, finding.previousBucket, locale);
  const what = finding.subject === 'objective' ? `Objective "${finding.name}"` : finding.name;
  const title =
    status === 'off_track'
      ? `${what} went off track in ${period}`
      : `${what} is at risk in ${period}`;
  const was =
    previous === 'no_data' ? `No data in ${before}` : `${STATUS_LABELS[previous]} in ${before}`;
  const parts = [was];
  const { kpi, evaluation } = finding;
  if (kpi && evaluation && evaluation.value !== null) {
    const format = (value: number | null) => formatValue(value, kpi.unit, kpi.decimals, locale);
    parts.push(`value ${format(evaluation.value)} against target ${format(evaluation.target)}`);
  }
  if (finding.subject === 'kpi') parts.push(ownerText(finding.owner));
  return {
    key: statusAlertKey(workspace.path, finding.id, finding.bucket, status),
    kind: 'alert',
    workspacePath: workspace.path,
    workspaceName: workspace.name,
    dueAt: finding.enteredAt,
    title,
    detail: parts.join(' · '),
    kpiId: finding.kpiId,
    scorecardId: finding.scorecardId,
    period: finding.bucket,
    owner: finding.owner,
    alert: { reason: 'status', subject: finding.subject, status, previous },
  };
}

function forecastAlert(
  finding: ForecastFinding,
  workspace: Pick<WorkspaceSnapshot, 'path' | 'name'>,
  locale: string | undefined,
): Reminder {
  const { kpi, forecast } = finding;
  const period = viewLabel(finding.view, finding.bucket, locale);
  // As many decimals as it takes for the forecast and the target to read differently:
  // "Forecast 90 % against target 90 %" said nothing about a miss of 0.4 points.
  const bound = finding.target ?? forecast.projected + (forecast.gap ?? 0);
  let decimals = kpi.decimals;
  const at = (value: number | null, places: number) => formatValue(value, kpi.unit, places, locale);
  while (decimals < kpi.decimals + 3 && at(forecast.projected, decimals) === at(bound, decimals))
    decimals += 1;
  const format = (value: number | null) => at(value, decimals);
  const target =
    finding.target === null
      ? `the range ${format(kpi.targetMin)}–${format(kpi.targetMax)}`
      : `target ${format(finding.target)}`;
  return {
    key: forecastAlertKey(workspace.path, kpi.id, finding.bucket),
    kind: 'alert',
    workspacePath: workspace.path,
    workspaceName: workspace.name,
    dueAt: finding.enteredAt,
    title: `${kpi.name} is projected to miss its ${period} target`,
    detail: `Forecast ${format(forecast.projected)}, short of ${target} · ${ownerText(kpi.owner)}`,
    kpiId: kpi.id,
    scorecardId: finding.scorecardId,
    period: finding.bucket,
    owner: kpi.owner,
    alert: { reason: 'forecast', subject: 'kpi', status: 'at_risk', previous: null },
  };
}

/** The last findings worked out from each workspace's alert inputs, with the days they were for. */
const lastFindings = new WeakMap<
  AlertInputs,
  { today: string; sinceDay: string; findings: AlertFinding[] }
>();

/**
 * alertFindings, worked out once per day for the same inputs: a host that keeps a workspace's
 * snapshot while its data is unchanged (the backend does) answers the inbox again without
 * scoring the workspace again. Inputs are never changed once read, so their identity stands for
 * their content.
 */
function findingsOf(inputs: AlertInputs, today: string, sinceDay: string): AlertFinding[] {
  const last = lastFindings.get(inputs);
  if (last?.today === today && last.sinceDay === sinceDay) return last.findings;
  const findings = alertFindings(inputs, today, sinceDay);
  lastFindings.set(inputs, { today, sinceDay, findings });
  return findings;
}

/**
 * The alerts of one workspace on the calendar day `today` (its ISO date in the user's zone).
 * News older than `sinceDay` is left out: a KPI that went off track a year ago and was never
 * updated is a health-check finding, not an alert.
 */
export function workspaceAlerts(
  workspace: WorkspaceSnapshot,
  today: string,
  sinceDay: string,
  locale?: string,
): Reminder[] {
  if (!workspace.alerts) return [];
  const alerts: Reminder[] = [];
  for (const finding of findingsOf(workspace.alerts, today, sinceDay)) {
    const alert =
      finding.kind === 'status'
        ? statusAlert(finding, workspace, locale)
        : forecastAlert(finding, workspace, locale);
    if (alert) alerts.push(alert);
  }
  return alerts;
}

/** The alerts of every workspace, oldest first, for the user's zone and clock. */
export function scheduleAlerts(
  workspaces: readonly WorkspaceSnapshot[],
  window: { nowMs: number; zone: string; lookbackDays: number; locale?: string | undefined },
): Reminder[] {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: window.zone }).toISODate() ?? '';
  const today = day(window.nowMs);
  const sinceDay = day(window.nowMs - window.lookbackDays * 86_400_000);
  return workspaces
    .flatMap((workspace) => workspaceAlerts(workspace, today, sinceDay, window.locale))
    .sort(byDue);
}

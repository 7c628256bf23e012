import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { KpiDetail, KpiSeriesPoint, RowKpi, ScorecardRows } from '@shared/domain/evaluation';
import { DIRECTION_LABELS, FREQUENCY_LABELS } from '@shared/domain/kpi';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { StatusBadge } from '../ui/StatusBadge';
import { viewPeriodLabel } from '../charts/labels';
import { LOCALE } from '../app/locale';
import { ActionPlansPanel } from '../action-plans/ActionPlansPanel';
import { CommentDialog } from '../values/CommentDialog';
import { KpiHistory } from './KpiHistory';
import { readKpiDetail } from '../scorecard/scorecard-store';
import { SCORING_KINDS, useDataVersion } from '../app/use-data-version';
import { SaveTemplateDialog } from '../library/SaveTemplateDialog';

// chart.js loads with the first chart opened, not with the app (issue 19).
const TrendChart = lazy(() =>
  import('../charts/TrendChart').then((module) => ({ default: module.TrendChart })),
);

// One KPI in depth: its trend against target and status zones, the numbers behind the chart,
// where its value comes from (children, formula inputs), its definition and its history.

export function KpiDetailDialog({
  kpi,
  view,
  onClose,
}: {
  kpi: RowKpi;
  view: ScorecardRows;
  onClose(): void;
}) {
  const [detail, setDetail] = useState<KpiDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [commenting, setCommenting] = useState<{ period: string; comment: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const version = useDataVersion(SCORING_KINDS);

  useEffect(() => {
    readKpiDetail({
      id: kpi.id,
      view: { frequency: view.view.frequency, basis: view.view.basis },
      period: view.period,
      length: 24,
    }).then(setDetail, (cause: unknown) => setError(errorMessage(cause)));
  }, [kpi.id, view.view.frequency, view.view.basis, view.period, version]);

  const format = (value: number | null) => formatValue(value, kpi.unit, kpi.decimals, LOCALE);
  return (
    <Dialog
      title={kpi.name}
      submitLabel="Close"
      onSubmit={onClose}
      onClose={onClose}
      wide
      readOnly
      error={error}
    >
      {detail ? (
        <div className="kpi-detail">
          <p className="definition">
            {DIRECTION_LABELS[kpi.direction]} · {FREQUENCY_LABELS[kpi.frequency]} · aggregated by{' '}
            {detail.kpi.aggregation}
            {kpi.owner ? ` · owner ${kpi.owner}` : ''}
            {kpi.formula ? (
              <>
                {' '}
                · formula <code>{kpi.formula}</code>
              </>
            ) : null}
          </p>
          {detail.kpi.description ? <p>{detail.kpi.description}</p> : null}
          <Suspense fallback={<p role="status">Loading the chart…</p>}>
            <TrendChart detail={detail} />
          </Suspense>
          <p>
            <button type="button" onClick={() => setSaving(true)}>
              Save as template…
            </button>
          </p>
          {/* Its own form outside this one's in the page, as the comment dialog below. */}
          {saving
            ? createPortal(
                <SaveTemplateDialog
                  what={{ kind: 'kpi', kpiId: kpi.id, name: kpi.name }}
                  onClose={() => setSaving(false)}
                />,
                document.body,
              )
            : null}
          {detail.inputs.length > 0 || detail.children.length > 0 ? (
            <table className="kpi-table">
              <caption>
                {detail.inputs.length > 0 ? 'Formula inputs' : 'Child KPIs'} in{' '}
                {viewPeriodLabel(detail.period, detail.view)}
              </caption>
              <tbody>
                {detail.inputs.map((input) => (
                  <tr key={input.kpi.id}>
                    <th scope="row">
                      {input.kpi.name} <code>{input.kpi.code}</code>
                    </th>
                    <td className="number">
                      {formatValue(input.value, input.kpi.unit, input.kpi.decimals, LOCALE)}
                    </td>
                  </tr>
                ))}
                {detail.children.map((child) => (
                  <tr key={child.kpi.id}>
                    <th scope="row">{child.kpi.name}</th>
                    <td className="number">
                      {formatValue(child.value, child.kpi.unit, child.kpi.decimals, LOCALE)}
                    </td>
                    <td>
                      <StatusBadge status={child.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <table className="kpi-table series-table">
            <caption>Values and targets</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Actual</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {[...detail.series].reverse().map((point) => (
                <tr key={point.period}>
                  <th scope="row">{viewPeriodLabel(point.period, detail.view)}</th>
                  <td className="number">{format(point.value)}</td>
                  <td className="number">{format(point.target)}</td>
                  <td>
                    <StatusBadge status={point.status} />
                  </td>
                  <td>
                    <EnteredComments
                      kpi={kpi}
                      point={point}
                      onEdit={(period, comment) => setCommenting({ period, comment })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ActionPlansPanel kpiId={kpi.id} kpiName={kpi.name} />
          {/* Its own form outside this one's in the page (Dialog stops its submit going further). */}
          {commenting
            ? createPortal(
                <CommentDialog
                  cell={`${kpi.name}, ${periodName(kpi, commenting.period)}`}
                  kpiId={kpi.id}
                  period={commenting.period}
                  initial={commenting.comment}
                  onClose={() => setCommenting(null)}
                />,
                document.body,
              )
            : null}
          <KpiHistory kpi={detail.kpi} />
        </div>
      ) : (
        <p role="status">Loading…</p>
      )}
    </Dialog>
  );
}

/**
 * The comments of one row's entered values, each with Add or Edit: a comment belongs to one
 * value, and a view period may hold several (the weeks of a month), each named then.
 */
function EnteredComments({
  kpi,
  point,
  onEdit,
}: {
  kpi: RowKpi;
  point: KpiSeriesPoint;
  onEdit(period: string, comment: string): void;
}) {
  if (point.entered.length === 0) return <>{point.comment}</>;
  const named = point.entered.length > 1 || point.entered[0]?.period !== point.period;
  return (
    <ul className="entered-comments">
      {point.entered.map((entry) => {
        const when = periodName(kpi, entry.period);
        const verb = entry.comment ? 'Edit comment' : 'Add comment';
        return (
          <li key={entry.period}>
            {named ? <span className="muted">{when}: </span> : null}
            {entry.comment ? <span>{entry.comment} </span> : null}
            <button
              type="button"
              className="link"
              aria-label={`${verb} on ${when}`}
              onClick={() => onEdit(entry.period, entry.comment)}
            >
              {verb}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The period of a value as the user reads it ("Oct 2026"). */
function periodName(kpi: RowKpi, key: string): string {
  return periodLabel(kpi.frequency, key, LOCALE);
}

import { memo } from 'react';
import type { KpiRowEntry, RowKpi } from '@shared/domain/evaluation';
import type { ViewSpec } from '@shared/scoring/calendar';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { StatusBadge } from '../ui/StatusBadge';
import { TrendArrow } from '../ui/TrendArrow';
import { Sparkline } from '../charts/Sparkline';
import { formatScore, viewPeriodLabel } from '../charts/labels';
import { LOCALE } from '../app/locale';
import { useSettingsStore } from '../settings/settings-store';

// One KPI in the scorecard: value, target, status, score, trend, sparkline, forecast.

/** What a row's buttons do; one object for every row, so a row re-renders only when its KPI does. */
export interface KpiRowActions {
  open(kpi: RowKpi): void;
  edit(kpi: RowKpi): void;
  remove(kpi: RowKpi): void;
}

interface KpiRowProps {
  entry: KpiRowEntry;
  view: ViewSpec;
  /** The view period of the sparkline's first point (every row's is the same). */
  sparklineFrom: string | undefined;
  actions: KpiRowActions;
  /** In a virtualised table (KpiRows.tsx): the row's place, and the ref that measures it. */
  index?: number | undefined;
  rowRef?: ((node: HTMLTableRowElement | null) => void) | undefined;
}

const SOURCE: Record<string, string> = { calculated: 'calculated', rolled_up: 'rolled up' };

export const KpiRow = memo(function KpiRow({
  entry,
  view,
  sparklineFrom,
  actions,
  index,
  rowRef,
}: KpiRowProps) {
  // A memoised row still follows a change of locale, which reaches it through no prop.
  useSettingsStore((state) => state.localeVersion);
  const { kpi, evaluation } = entry;
  const format = (value: number | null) => formatValue(value, kpi.unit, kpi.decimals, LOCALE);
  const target =
    kpi.direction === 'within_range'
      ? `${format(kpi.targetMin)} – ${format(kpi.targetMax)}`
      : format(evaluation.target);
  const forecast = evaluation.forecast;
  const sparkLabel = `Trend since ${sparklineFrom ? viewPeriodLabel(sparklineFrom, view) : ''}: ${evaluation.sparkline
    .filter((value): value is number => value !== null)
    .map((value) => format(value))
    .slice(-3)
    .join(', ')}`;
  return (
    <tr className={`kpi-row row-${evaluation.status}`} data-index={index} ref={rowRef}>
      <th scope="row">
        <button
          type="button"
          className="link kpi-name"
          onClick={() => actions.open(kpi)}
          aria-label={`Open ${kpi.name}`}
        >
          {kpi.name}
        </button>
        {SOURCE[evaluation.source] ? (
          <span className="tag">{SOURCE[evaluation.source]}</span>
        ) : null}
        {evaluation.missingInputs > 0 ? (
          <span className="help">
            {' '}
            {evaluation.inputs - evaluation.missingInputs} of {evaluation.inputs}{' '}
            {evaluation.source === 'rolled_up' ? 'reported' : 'inputs reported'}
          </span>
        ) : null}
      </th>
      <td className="number">
        {evaluation.tooLarge ? (
          <span
            className="error-text"
            title="The values of this period add up to more than the largest number the app can hold (about 1.8e308)"
          >
            Too large to compute
          </span>
        ) : (
          format(evaluation.value)
        )}
        {evaluation.period !== null ? (
          // A quarterly or yearly KPI in a finer view shows its own latest period, named.
          <span className="period"> {periodLabel(kpi.frequency, evaluation.period, LOCALE)}</span>
        ) : null}
        {forecast && forecast.forecastIndices.length > 0 ? (
          <span className="forecast">
            projected {format(forecast.projected)}
            {forecast.verdict === 'on_track_to_hit'
              ? ' — on track to hit target'
              : forecast.verdict === 'projected_to_miss' && forecast.gap !== null
                ? ` — projected to miss by ${format(Math.abs(forecast.gap))}`
                : ''}
          </span>
        ) : null}
      </td>
      <td className="number">
        {target}
        {evaluation.targetToDate ? <span className="period"> to date</span> : null}
      </td>
      <td>
        <StatusBadge status={evaluation.status} />
      </td>
      <td className="number">{formatScore(evaluation.score)}</td>
      <td>
        <TrendArrow
          trend={evaluation.trend}
          improved={evaluation.improved}
          previous={format(evaluation.previousValue)}
        />
      </td>
      <td>
        <Sparkline values={evaluation.sparkline} label={sparkLabel} />
      </td>
      <td>{kpi.owner || <span className="muted">no owner</span>}</td>
      <td className="row-actions">
        <button type="button" aria-label={`Edit KPI ${kpi.name}`} onClick={() => actions.edit(kpi)}>
          Edit
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Delete KPI ${kpi.name}`}
          onClick={() => actions.remove(kpi)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
});

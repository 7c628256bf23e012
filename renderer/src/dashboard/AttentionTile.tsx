import { ATTENTION_LISTED, type DashboardKpi } from '@shared/dashboard/types';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { formatNumber, LOCALE } from '../app/locale';
import { useKpiFocusStore } from '../reminders/kpi-focus';
import { StatusBadge } from '../ui/StatusBadge';

// Off-track and at-risk KPIs with value, target, gap, owner and comment; each KPI's name opens
// its detail, where its chart, history and action plans are.

function signed(row: DashboardKpi): string {
  if (row.gap === null) return '—';
  const text = formatValue(Math.abs(row.gap), row.unit, row.decimals, LOCALE);
  return row.gap === 0 ? text : `${row.gap > 0 ? '+' : '−'}${text}`;
}

/** The target, or a within-range KPI's range: "2.0%–4.0%". */
function targetText(row: DashboardKpi): string {
  const format = (value: number | null) => formatValue(value, row.unit, row.decimals, LOCALE);
  return row.target === null && row.direction === 'within_range'
    ? `${format(row.targetMin)}–${format(row.targetMax)}`
    : format(row.target);
}

/** `rows`: the first of the `total` KPIs off track or at risk. */
export function AttentionTile(props: { rows: DashboardKpi[]; total: number; onMore(): void }) {
  const { rows, total } = props;
  const open = (kpiId: string) => useKpiFocusStore.getState().request(kpiId);
  return (
    <section className="tile tile-attention" aria-labelledby="tile-attention">
      <h3 id="tile-attention">Off track and at risk</h3>
      {rows.length === 0 ? (
        <p className="empty">Nothing is off track or at risk in this period.</p>
      ) : (
        <table className="dashboard-table">
          <colgroup>
            {['kpi', 'status', 'value', 'target', 'gap', 'owner', 'comment'].map((name) => (
              <col key={name} className={`col-${name}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Status</th>
              <th scope="col">Value</th>
              <th scope="col">Target</th>
              <th scope="col">Gap</th>
              <th scope="col">Owner</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, ATTENTION_LISTED).map((row) => (
              <tr key={row.kpiId}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    title={`${row.perspectiveName} › ${row.objectiveName}`}
                    onClick={() => open(row.kpiId)}
                  >
                    {row.name}
                  </button>
                  {row.period !== null ? (
                    <span className="help"> {periodLabel(row.frequency, row.period, LOCALE)}</span>
                  ) : null}
                </th>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td className="number">{formatValue(row.value, row.unit, row.decimals, LOCALE)}</td>
                <td className="number">{targetText(row)}</td>
                <td className="number">{signed(row)}</td>
                <td>{row.owner || <span className="help">No owner</span>}</td>
                <td className="comment" title={row.comment}>
                  {row.comment}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length ? (
        <button type="button" className="link" onClick={props.onMore}>
          {formatNumber(total - rows.length)} more in the scorecard
        </button>
      ) : null}
    </section>
  );
}

import { STATUS_LABELS, type Status } from '@shared/domain/kpi';
import type { ReportModel, ReportMovement } from '@shared/report/model';
import { kpiGap, kpiTarget, kpiValue, periodText, scoreText } from './format';
import { StatusMark } from './StatusMark';

// The page a busy board member reads: overall status, what changed, and every KPI that is off
// track or at risk with its numbers and the owner's explanation.

const COUNT_ORDER: Status[] = ['off_track', 'at_risk', 'on_track', 'no_data'];

// Every KPI that got worse is named; improvements beyond a dozen are counted, so that a large
// scorecard's summary still fits the page it is read on.
const MAX_IMPROVEMENTS_LISTED = 12;

function Movements({ report }: { report: ReportModel }) {
  const worse = report.movements.filter((move) => !move.better);
  const better = report.movements.filter((move) => move.better);
  const listed = better.slice(0, MAX_IMPROVEMENTS_LISTED);
  const item = (move: ReportMovement) => (
    <li key={move.kpiId}>
      <span className="kpi-name">
        {report.sections.length > 1 ? `${move.scorecardName} · ` : ''}
        {move.name}
      </span>
      : {STATUS_LABELS[move.from]} → {STATUS_LABELS[move.to]}
    </li>
  );
  return (
    <>
      {worse.length > 0 ? (
        <>
          <p className="movement-heading">Worse ({worse.length})</p>
          <ul className="report-movements">{worse.map(item)}</ul>
        </>
      ) : null}
      {better.length > 0 ? (
        <>
          <p className="movement-heading">Better ({better.length})</p>
          <ul className="report-movements">{listed.map(item)}</ul>
          {better.length > listed.length ? (
            <p>…and {better.length - listed.length} more KPIs improved.</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function ExecutiveSummary({ report }: { report: ReportModel }) {
  const period = periodText(report.period, report.view);
  const comparison = periodText(report.comparisonPeriod, report.view);
  const comments = report.options.includeComments;
  return (
    <section className="report-section report-summary" aria-labelledby="report-summary">
      <h2 id="report-summary">Executive summary</h2>
      {report.hasData ? null : (
        <p className="report-empty" role="note">
          No values have been entered for {period} in this report&apos;s scorecards, so nothing can
          be scored for this period yet. The KPIs are listed below as having no data.
        </p>
      )}
      <p className="report-overall">
        Overall: <StatusMark status={report.overall.status} />, score{' '}
        {scoreText(report.overall.score)} ({comparison}:{' '}
        {STATUS_LABELS[report.overall.comparisonStatus].toLowerCase()},{' '}
        {scoreText(report.overall.comparisonScore)}).{' '}
        {COUNT_ORDER.map(
          (status) => `${report.counts[status]} ${STATUS_LABELS[status].toLowerCase()}`,
        ).join(', ')}
        .
      </p>

      <h3>What moved since {comparison}</h3>
      {report.movements.length === 0 ? (
        <p>No KPI changed status.</p>
      ) : (
        <Movements report={report} />
      )}

      <h3>Off track and at risk in {period}</h3>
      {report.attention.length === 0 ? (
        <p>
          {report.hasData ? 'Every KPI with data is on track.' : 'Nothing to show without data.'}
        </p>
      ) : (
        <table className="report-table attention-table">
          <colgroup>
            <col className="col-name" />
            <col className="col-status" />
            <col className="col-number" />
            <col className="col-number" />
            <col className="col-number" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Value
              </th>
              <th scope="col" className="number">
                Target
              </th>
              <th scope="col" className="number">
                Gap
              </th>
            </tr>
          </thead>
          {report.attention.map((kpi) => (
            // One group per KPI: its numbers, then the owner's comment across the full width,
            // kept together on one page.
            <tbody key={kpi.id} className="attention-item">
              <tr>
                <th scope="row" className="kpi-name">
                  {kpi.name}
                  <span className="kpi-where">
                    {report.sections.length > 1 ? `${kpi.scorecardName} · ` : ''}
                    {kpi.perspectiveName}
                    {kpi.owner ? ` · owner ${kpi.owner}` : ''}
                  </span>
                </th>
                <td>
                  <StatusMark status={kpi.status} />
                </td>
                <td className="number">{kpiValue(kpi, kpi.value)}</td>
                <td className="number">{kpiTarget(kpi)}</td>
                <td className="number">{kpiGap(kpi)}</td>
              </tr>
              {comments && kpi.comment ? (
                <tr className="comment-row">
                  <td colSpan={5}>
                    <span className="comment-label">Comment: </span>
                    {kpi.comment}
                  </td>
                </tr>
              ) : null}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

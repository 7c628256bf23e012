import type { ReportModel, ReportSection } from '@shared/report/model';
import { kpiGap, kpiTarget, kpiValue, scoreText } from './format';
import { StatusMark, TrendMark } from './StatusMark';

// Perspective → objective → KPI with value, target, variance, status and trend. One table per
// scorecard; its header row repeats on every printed page and no row is split across pages.

function SectionTable({ section }: { section: ReportSection }) {
  return (
    <table className="report-table status-table">
      <colgroup>
        <col className="col-name" />
        <col className="col-number" />
        <col className="col-number" />
        <col className="col-number" />
        <col className="col-status" />
        <col className="col-trend" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Perspective / objective / KPI</th>
          <th scope="col" className="number">
            Value
          </th>
          <th scope="col" className="number">
            Target
          </th>
          <th scope="col" className="number">
            Variance
          </th>
          <th scope="col">Status</th>
          <th scope="col">Trend</th>
        </tr>
      </thead>
      {section.perspectives.map((perspective) => (
        <tbody key={perspective.id}>
          <tr className="row-perspective">
            <th scope="rowgroup" colSpan={4}>
              {perspective.name}{' '}
              <span className="row-score">score {scoreText(perspective.score)}</span>
            </th>
            <td colSpan={2}>
              <StatusMark status={perspective.status} />
            </td>
          </tr>
          {perspective.objectives.map((objective) => [
            <tr key={objective.id} className="row-objective">
              <th scope="row" colSpan={4} className="kpi-name">
                {objective.name}
              </th>
              <td colSpan={2}>
                <StatusMark status={objective.status} />
              </td>
            </tr>,
            ...objective.kpis.map((kpi) => (
              <tr key={kpi.id} className="row-kpi">
                <th scope="row" className="kpi-name">
                  {kpi.name}
                </th>
                <td className="number">{kpiValue(kpi, kpi.value)}</td>
                <td className="number">{kpiTarget(kpi)}</td>
                <td className="number">{kpiGap(kpi)}</td>
                <td>
                  <StatusMark status={kpi.status} />
                </td>
                <td>
                  <TrendMark trend={kpi.trend} improved={kpi.improved} />
                </td>
              </tr>
            )),
          ])}
          {perspective.objectives.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No objectives yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      ))}
    </table>
  );
}

export function StatusTable({ report }: { report: ReportModel }) {
  const many = report.sections.length > 1;
  return (
    <section className="report-section report-status" aria-labelledby="report-status">
      <h2 id="report-status">Status by perspective</h2>
      {report.sections.map((section) => (
        <div key={section.scorecardId} className="report-scorecard">
          {many ? (
            <h3 className="scorecard-heading">
              {section.name} <StatusMark status={section.status} /> · score{' '}
              {scoreText(section.score)}
            </h3>
          ) : null}
          {section.perspectives.length === 0 ? (
            <p className="muted">No perspectives chosen for this scorecard.</p>
          ) : (
            <SectionTable section={section} />
          )}
        </div>
      ))}
    </section>
  );
}

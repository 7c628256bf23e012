import type { ReportModel } from '@shared/report/model';
import { chartValue, periodText } from './format';
import { StatusMark } from './StatusMark';
import { TrendSvg } from './TrendSvg';

// A page (or half a page) per perspective: each KPI's trend against target and status bands,
// with the owner's comment for the period. No chart is split across pages.

function Legend() {
  return (
    <p className="chart-legend">
      <span className="legend-line" aria-hidden="true" /> actual{' '}
      <span className="legend-dash" aria-hidden="true" /> target · markers: ● on track, ▲ at risk, ✖
      off track · shaded bands, named on the right: lightest on track, darker at risk, darkest off
      track
    </p>
  );
}

export function PerspectiveCharts({ report }: { report: ReportModel }) {
  const pages = report.sections.flatMap((section) =>
    section.perspectives
      .filter((perspective) => perspective.charts.length > 0)
      .map((perspective) => ({ section, perspective })),
  );
  if (pages.length === 0) return null;
  const many = report.sections.length > 1;
  return (
    <section className="report-section report-charts" aria-labelledby="report-charts">
      <h2 id="report-charts">Trends by perspective</h2>
      <Legend />
      {pages.map(({ section, perspective }) => (
        <section
          key={`${section.scorecardId}-${perspective.id}`}
          className="perspective-page"
          aria-label={`${many ? `${section.name}: ` : ''}${perspective.name} trends`}
        >
          <h3>
            {many ? `${section.name} · ` : ''}
            {perspective.name} <StatusMark status={perspective.status} />
          </h3>
          <div className="chart-grid">
            {perspective.charts.map((chart) => {
              const last = chart.points.at(-1);
              const value = last?.value == null ? 'no data' : chartValue(chart, last.value);
              const target =
                last?.target == null ? '' : ` · target ${chartValue(chart, last.target)}`;
              // One text node, not six: a hundred captions are laid out twice to print.
              const facts = `${periodText(report.period, report.view)}: ${value}${target} · `;
              return (
                <figure key={chart.kpiId} className="chart-figure">
                  <figcaption>
                    <span className="kpi-name">{chart.name}</span>
                    <span className="chart-facts">
                      {facts}
                      <StatusMark status={last?.status ?? 'no_data'} />
                    </span>
                  </figcaption>
                  <TrendSvg chart={chart} view={report.view} />
                  {chart.comment ? <p className="chart-comment">“{chart.comment}”</p> : null}
                </figure>
              );
            })}
          </div>
        </section>
      ))}
    </section>
  );
}

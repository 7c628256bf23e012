import type { ReportModel } from '@shared/report/model';
import type { ReportOptions } from '@shared/report/options';
import { dayText, periodText, scoreText } from './format';
import { StatusMark } from './StatusMark';

// The cover: logo, title, what and when the report is about, who made it, and the one-line
// answer to "how are we doing".

export function ReportCover({ report, options }: { report: ReportModel; options: ReportOptions }) {
  const children = report.sections.length - 1;
  return (
    <section className="report-cover" aria-label="Cover">
      {options.logo ? <img className="report-logo" src={options.logo} alt="Logo" /> : null}
      <h1 className="report-title">{options.title || 'Board report'}</h1>
      <p className="report-subtitle">
        {report.scorecardName}
        {children > 0 ? ` and its ${children} child scorecard${children === 1 ? '' : 's'}` : ''}
      </p>
      <p className="report-period">{periodText(report.period, report.view)}</p>
      <dl className="report-facts">
        <div>
          <dt>Overall status</dt>
          <dd>
            <StatusMark status={report.overall.status} /> · score {scoreText(report.overall.score)}
          </dd>
        </div>
        <div>
          <dt>Compared with</dt>
          <dd>{periodText(report.comparisonPeriod, report.view)}</dd>
        </div>
        {options.author ? (
          <div>
            <dt>Prepared by</dt>
            <dd>{options.author}</dd>
          </div>
        ) : null}
        <div>
          <dt>Generated</dt>
          <dd>{dayText(report.generatedAt)}</dd>
        </div>
      </dl>
      {options.confidentiality ? (
        <p className="report-confidential">{options.confidentiality}</p>
      ) : null}
    </section>
  );
}

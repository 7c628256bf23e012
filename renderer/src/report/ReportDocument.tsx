import { memo } from 'react';
import type { ReportModel } from '@shared/report/model';
import type { ReportOptions } from '@shared/report/options';
import { ActionPlanList } from '../action-plans/ActionPlanList';
import { ExecutiveSummary } from './ExecutiveSummary';
import { PerspectiveCharts } from './PerspectiveCharts';
import { ReportCover } from './ReportCover';
import { StatusTable } from './StatusTable';
import { StrategyMapPage } from './StrategyMapPage';

// The board report as one printable document. Every user-written text (names, comments,
// titles) is a React text node: it is never parsed as HTML, whatever it contains. Memoised:
// the screen around it re-renders on every progress step; the hundred charts need not.

export const ReportDocument = memo(function ReportDocument({
  report,
  options,
}: {
  report: ReportModel;
  options: ReportOptions;
}) {
  return (
    <article
      className="report-document"
      data-paper={options.paper}
      data-orientation={options.orientation}
      aria-label="Board report"
    >
      <ReportCover report={report} options={options} />
      <ExecutiveSummary report={report} />
      {options.includeStrategyMap ? <StrategyMapPage report={report} /> : null}
      <StatusTable report={report} />
      {options.includeKpiPages ? <PerspectiveCharts report={report} /> : null}
      {options.includeActionPlans ? <ActionPlanList report={report} /> : null}
    </article>
  );
});

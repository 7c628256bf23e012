import { ACTION_PLAN_STATUS_LABELS } from '@shared/report/action-plan-status';
import type { ReportModel } from '@shared/report/model';
import { dayText } from '../report/format';

// What is being done about what is off track: owner, due date, status; overdue ones say so in
// words, not only in colour.

export function ActionPlanList({ report }: { report: ReportModel }) {
  const many = report.sections.length > 1;
  return (
    <section className="report-section report-plans" aria-labelledby="report-plans">
      <h2 id="report-plans">Action plans</h2>
      {report.actionPlans.length === 0 ? (
        <p>No action plans have been recorded for these KPIs and objectives.</p>
      ) : (
        <table className="report-table plans-table">
          <colgroup>
            <col className="col-plan" />
            <col className="col-name" />
            <col className="col-owner" />
            <col className="col-date" />
            <col className="col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">For</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {report.actionPlans.map((plan) => (
              <tr key={plan.id}>
                <th scope="row" className="kpi-name">
                  {plan.title}
                  {plan.notes ? <span className="plan-notes">{plan.notes}</span> : null}
                </th>
                <td className="kpi-name">
                  {plan.subject}
                  {many ? <span className="kpi-where">{plan.scorecardName}</span> : null}
                </td>
                <td>{plan.owner || '—'}</td>
                <td>{plan.dueDate ? dayText(plan.dueDate) : '—'}</td>
                <td>
                  {ACTION_PLAN_STATUS_LABELS[plan.status]}
                  {plan.overdue ? <strong className="overdue"> · overdue</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

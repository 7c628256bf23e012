import type { Dashboard } from '@shared/dashboard/types';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { ACTION_PLAN_STATUS_LABELS } from '@shared/report/action-plan-status';
import { formatDate, formatNumber, LOCALE } from '../app/locale';
import { enterValueAt, useKpiFocusStore } from '../reminders/kpi-focus';
import { formatWhen } from '../reminders/format';
import { useFixStore } from '../health/fix-request';

// The dashboard's lists of what moved and what is due: each entry leads to where the user
// acts — the KPI's detail, or the grid at the value's cell.

const open = (kpiId: string) => useKpiFocusStore.getState().request(kpiId);

export function MoversTile({ dashboard, since }: { dashboard: Dashboard; since: string }) {
  const { movers } = dashboard;
  return (
    <section className="tile tile-movers" aria-labelledby="tile-movers">
      <h3 id="tile-movers">Biggest movers since {since}</h3>
      {movers.length === 0 ? (
        <p className="empty">No KPI has values in both periods.</p>
      ) : (
        <ul className="tile-list">
          {movers.map((mover) => {
            const format = (value: number) =>
              formatValue(value, mover.unit, mover.decimals, LOCALE);
            const percent =
              mover.relativeChange === null
                ? ''
                : ` (${mover.relativeChange > 0 ? '+' : '−'}${Math.abs(mover.relativeChange).toLocaleString(LOCALE, { style: 'percent', maximumFractionDigits: 0 })})`;
            const verdict = mover.improved === null ? '' : mover.improved ? ' better' : ' worse';
            return (
              <li key={mover.kpiId}>
                <button type="button" className="link" onClick={() => open(mover.kpiId)}>
                  {mover.name}
                </button>{' '}
                <span className="number">
                  {format(mover.previousValue)} → {format(mover.value)}
                  <span className={`move ${verdict.trim()}`}>
                    {' '}
                    <span aria-hidden="true">{mover.change > 0 ? '▲' : '▼'}</span>
                    {percent}
                    {verdict}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function DueTile({ dashboard }: { dashboard: Dashboard }) {
  const { due, dueTotal, overdueTotal } = dashboard;
  return (
    <section className="tile tile-due" aria-labelledby="tile-due">
      <h3 id="tile-due">
        Values due{' '}
        <span className="help">
          {formatNumber(dueTotal)} ({formatNumber(overdueTotal)} overdue)
        </span>
      </h3>
      {due.length === 0 ? (
        <p className="empty">Every value due has been entered.</p>
      ) : (
        <ul className="tile-list">
          {due.map((value) => {
            const label = periodLabel(value.frequency, value.period, LOCALE);
            return (
              <li
                key={`${value.kpiId}/${value.period}`}
                className={value.overdue ? 'is-overdue' : ''}
              >
                <span>
                  <strong>{value.kpiName}</strong> {label}
                  <span className="help">
                    {' '}
                    · {value.overdue ? 'overdue since' : 'due'} {formatWhen(value.dueAt)}
                    {value.owner ? ` · ${value.owner}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Enter value: ${value.kpiName}, ${label}`}
                  onClick={() => void enterValueAt(value.kpiId, value.period)}
                >
                  Enter value
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {dueTotal > due.length ? (
        <p className="help">
          and {formatNumber(dueTotal - due.length)} more (Reminders lists them all).
        </p>
      ) : null}
    </section>
  );
}

export function PlansTile({ dashboard }: { dashboard: Dashboard }) {
  const plans = dashboard.actionPlans;
  return (
    <section className="tile tile-plans" aria-labelledby="tile-plans">
      <h3 id="tile-plans">Action plans due</h3>
      {plans.length === 0 ? (
        <p className="empty">No open action plan is due in the next two weeks.</p>
      ) : (
        <ul className="tile-list">
          {plans.map(({ plan, subjectName, overdue }) => (
            <li key={plan.id} className={overdue ? 'is-overdue' : ''}>
              <span>
                <strong>{plan.title}</strong>{' '}
                <span className="help">
                  {subjectName} · {ACTION_PLAN_STATUS_LABELS[plan.status]} ·{' '}
                  {overdue ? 'overdue since' : 'due'} {formatDate(plan.dueDate ?? '')}
                  {plan.owner ? ` · ${plan.owner}` : ''}
                </span>
              </span>
              <button
                type="button"
                aria-label={`Open ${subjectName} for the plan “${plan.title}”`}
                onClick={() =>
                  plan.kpiId !== null
                    ? open(plan.kpiId)
                    : useFixStore
                        .getState()
                        .ask(
                          { kind: 'objective', objectiveId: plan.objectiveId ?? '' },
                          dashboard.scorecard.id,
                        )
                }
              >
                Open
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { SEVERITIES, SEVERITY_LABELS } from '@shared/health/types';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { STATUSES } from '@shared/domain/kpi';
import { shiftBucket } from '@shared/scoring/buckets';
import { formatNumber } from '../app/locale';
import { viewPeriodLabel } from '../charts/labels';
import { PeriodPicker } from '../scorecard/PeriodPicker';
import { Alert } from '../ui/Alert';
import { StatusBadge } from '../ui/StatusBadge';
import { DueTile, MoversTile, PlansTile } from './ActivityTiles';
import { AttentionTile } from './AttentionTile';
import { useDashboard } from './use-dashboard';
import { adoptStyleSheet } from '../ui/adopt-style-sheet';
import printCss from './dashboard-print.css?inline';
import './dashboard.css';

adoptStyleSheet(printCss);

// The screen a workspace opens on (issue 17 point 5): what needs attention in the selected
// scorecard for the period — counts by status, what is off track or at risk, the biggest
// movers, values due, action plans due and the health check's count. Every tile leads to
// where the user acts; it fits a 1366×768 screen and prints on its own.

export type DashboardTarget = 'scorecard' | 'health';

export function DashboardView(props: { view: ScorecardRows; onGo(target: DashboardTarget): void }) {
  const { view, onGo } = props;
  const { dashboard, error } = useDashboard(view);
  if (error) return <Alert message={error} />;
  if (!dashboard) return <p role="status">Loading the dashboard…</p>;
  const period = viewPeriodLabel(dashboard.period, dashboard.view);
  const since = viewPeriodLabel(shiftBucket(dashboard.period, -1, dashboard.view), dashboard.view);
  const { health } = dashboard;
  const findings = health.error + health.warning + health.info;
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <div className="dashboard-head">
        <h2 id="dashboard-title">
          {dashboard.scorecard.name}: {period}
        </h2>
        <PeriodPicker />
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print…
        </button>
      </div>
      <div className="dashboard-grid">
        <section className="tile tile-counts" aria-labelledby="tile-counts">
          <h3 id="tile-counts">KPIs by status</h3>
          <ul className="counts">
            {STATUSES.map((status) => (
              <li key={status}>
                <button type="button" className="count" onClick={() => onGo('scorecard')}>
                  <span className="count-number">{formatNumber(dashboard.counts[status])}</span>
                  <StatusBadge status={status} />
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="tile tile-health" aria-labelledby="tile-health">
          <h3 id="tile-health">Health check</h3>
          <button type="button" className="count" onClick={() => onGo('health')}>
            <span className="count-number">{formatNumber(findings)}</span>
            <span>{findings === 1 ? 'finding' : 'findings'} to review</span>
          </button>
          <p className="help">
            {SEVERITIES.map(
              (severity) =>
                `${formatNumber(health[severity])} ${SEVERITY_LABELS[severity].toLowerCase()}`,
            ).join(' · ')}
            {health.dismissed > 0 ? ` · ${formatNumber(health.dismissed)} dismissed` : ''}
          </p>
        </section>
        <AttentionTile
          rows={dashboard.attention}
          total={dashboard.attentionTotal}
          onMore={() => onGo('scorecard')}
        />
        <MoversTile dashboard={dashboard} since={since} />
        <DueTile dashboard={dashboard} />
        <PlansTile dashboard={dashboard} />
      </div>
    </section>
  );
}

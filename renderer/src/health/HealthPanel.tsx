import { useEffect, useState } from 'react';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  type HealthFinding,
  type HealthFix,
  type Severity,
} from '@shared/health/types';
import { formatDate, formatNumber } from '../app/locale';
import { orNotify } from '../app/notices-store';
import { Alert } from '../ui/Alert';
import { DismissDialog } from './DismissDialog';
import { openFix } from './fix-request';
import { useHealthStore } from './health-store';

// The health check (issue 18 point 4): what is wrong with the scorecards themselves, worst
// first, each with its fix one click away and a way to dismiss it with a reason.

const SYMBOLS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** The fix button's words: what it opens. */
function fixLabel(fix: HealthFix): string {
  switch (fix.kind) {
    case 'kpi_field':
      return 'Edit KPI';
    case 'grid_cell':
      return 'Enter value';
    case 'new_kpi':
      return 'Add KPI';
    case 'objective':
      return 'Show objective';
  }
}

function place(finding: HealthFinding): string {
  const { kind } = finding.subject;
  return [
    finding.scorecard?.name,
    kind === 'perspective' ? undefined : finding.perspective?.name,
    kind === 'objective' ? undefined : finding.objective?.name,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' › ');
}

function SeverityMark({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity-${severity}`}>
      <span aria-hidden="true">{SYMBOLS[severity]}</span> {SEVERITY_LABELS[severity]}
    </span>
  );
}

export function HealthPanel() {
  const { report, error, load, restore } = useHealthStore();
  const [dismissing, setDismissing] = useState<HealthFinding | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert message={error} />;
  if (!report) return <p role="status">Checking the scorecards…</p>;
  const { findings, dismissed, counts } = report;
  return (
    <section className="health" aria-labelledby="health-title">
      <div className="health-head">
        <h2 id="health-title">Health check</h2>
        <p role="status">
          {findings.length === 0
            ? 'No open findings.'
            : SEVERITIES.map(
                (severity) => `${formatNumber(counts[severity])} ${SEVERITY_LABELS[severity]}`,
              ).join(' · ')}
        </p>
      </div>
      <p className="help">
        What is missing or misleading in the scorecards themselves: each finding says what to do,
        and its button opens where to do it.
      </p>
      {findings.length > 0 ? (
        <ul className="health-list" aria-label="Findings">
          {findings.map((finding) => (
            <li key={finding.key} className="health-item">
              <SeverityMark severity={finding.severity} />
              <div className="health-text">
                <p className="health-message">{finding.message}</p>
                <p className="help">
                  {place(finding)} — {finding.advice}
                </p>
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={`${fixLabel(finding.fix)}: ${finding.message}`}
                  onClick={() => openFix(finding)}
                >
                  {fixLabel(finding.fix)}
                </button>
                <button
                  type="button"
                  aria-label={`Dismiss: ${finding.message}`}
                  onClick={() => setDismissing(finding)}
                >
                  Dismiss…
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {dismissed.length > 0 ? (
        <details className="health-dismissed">
          <summary>Dismissed ({formatNumber(dismissed.length)})</summary>
          <ul aria-label="Dismissed findings">
            {dismissed.map((finding) => (
              <li key={finding.key} className="health-item">
                <SeverityMark severity={finding.severity} />
                <div className="health-text">
                  <p className="health-message">{finding.message}</p>
                  <p className="help">
                    Dismissed {formatDate(finding.dismissal.dismissedAt)}: “
                    {finding.dismissal.reason}”
                  </p>
                </div>
                <button
                  type="button"
                  aria-label={`Bring back: ${finding.message}`}
                  onClick={() => void orNotify(() => restore(finding.key))}
                >
                  Bring back
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {dismissing ? (
        <DismissDialog finding={dismissing} onClose={() => setDismissing(null)} />
      ) : null}
    </section>
  );
}

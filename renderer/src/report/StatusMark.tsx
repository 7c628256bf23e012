import { STATUS_LABELS, type Status } from '@shared/domain/kpi';
import type { Trend } from '@shared/scoring/evaluate-kpis';

// Status and trend on paper: a shape and a word, so neither colour nor a colour printer is
// needed to read them. The word and its space are one text node (a report holds hundreds).

const SYMBOLS: Record<Status, string> = {
  on_track: '●',
  at_risk: '▲',
  off_track: '✖',
  no_data: '○',
};

export function StatusMark({ status }: { status: Status }) {
  return (
    <span className={`status-mark status-mark-${status}`}>
      <span aria-hidden="true">{SYMBOLS[status]}</span>
      {` ${STATUS_LABELS[status]}`}
    </span>
  );
}

export function TrendMark({ trend, improved }: { trend: Trend; improved: boolean | null }) {
  if (trend === null) return <span className="muted">–</span>;
  const symbol = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶';
  const word =
    trend === 'flat' ? 'same' : improved === null ? trend : improved ? 'better' : 'worse';
  return (
    <span className="report-trend">
      <span aria-hidden="true">{symbol}</span>
      {` ${word}`}
    </span>
  );
}

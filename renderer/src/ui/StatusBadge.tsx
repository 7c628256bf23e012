import { STATUS_LABELS, type Status } from '@shared/domain/kpi';

// Status by colour AND shape AND word, so it survives colour blindness and black-and-white
// print: ● on track, ▲ at risk, ✖ off track, ○ no data.

const SYMBOLS: Record<Status, string> = {
  on_track: '●',
  at_risk: '▲',
  off_track: '✖',
  no_data: '○',
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true" className="status-symbol">
        {SYMBOLS[status]}
      </span>{' '}
      {STATUS_LABELS[status]}
    </span>
  );
}

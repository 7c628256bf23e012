import type { AlertInfo } from '@shared/reminders/types';
import { StatusBadge } from '../ui/StatusBadge';

// An alert's status in words and shape, not colour alone: the status it moved into, or for a
// forecast, that the target is projected to be missed.

export function AlertBadge({ alert }: { alert: AlertInfo }) {
  if (alert.reason === 'status') return <StatusBadge status={alert.status} />;
  return (
    <span className="status status-at_risk">
      <span aria-hidden="true" className="status-symbol">
        ▲
      </span>{' '}
      Projected to miss
    </span>
  );
}

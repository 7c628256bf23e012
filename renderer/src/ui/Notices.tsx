import { useNoticesStore } from '../app/notices-store';
import { Alert } from './Alert';

// Messages of refused actions that have no field or dialog to show them, at the bottom of the
// window until dismissed.

export function Notices() {
  const { notices, dismiss } = useNoticesStore();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Messages">
      {notices.map((notice) => (
        <Alert key={notice.id} message={notice.message} onDismiss={() => dismiss(notice.id)} />
      ))}
    </div>
  );
}

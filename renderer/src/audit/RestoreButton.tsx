import { useState } from 'react';
import { auditNumber, type AuditEntry } from '@shared/domain/audit';
import { periodLabel } from '@shared/domain/period';
import { errorMessage } from '../api/client';
import { LOCALE } from '../app/locale';
import { useAuditStore } from './audit-store';

// "Restore" on a value's entry: the value goes back to the version that entry shows (a new
// change), and an Undo puts back what was there. Used by the audit trail and the KPI history.

/** The version a restore of `entry` brings back: what it wrote, or what a delete removed. */
function versionOf(entry: AuditEntry): number | null {
  return entry.operation === 'delete' ? entry.before : entry.after;
}

export function RestoreButton({ entry }: { entry: AuditEntry }) {
  const [undoId, setUndoId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (entry.entity !== 'value' || entry.kpi === null) return null;
  const period =
    entry.period === null ? '' : periodLabel(entry.kpi.frequency, entry.period, LOCALE);
  const value = auditNumber(entry, versionOf(entry), LOCALE);

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (cause) {
      setMessage(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="restore">
      <button
        type="button"
        className="link"
        disabled={busy}
        aria-label={`Restore ${value} for ${entry.kpi.name}, ${period}`}
        onClick={() =>
          void run(async () => {
            const result = await useAuditStore.getState().restore(entry);
            setUndoId(result.changeId);
            return result.changeId === null
              ? `${period} already is ${value}.`
              : `Restored ${period} to ${value}.`;
          })
        }
      >
        Restore {value}
      </button>
      {message ? (
        <span role="status">
          {message}{' '}
          {undoId ? (
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await useAuditStore.getState().undo(undoId);
                  setUndoId(null);
                  return 'The restore was undone.';
                })
              }
            >
              Undo
            </button>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

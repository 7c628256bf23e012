import { useEffect, useState } from 'react';
import { valueSentence, type AuditEntry } from '@shared/domain/audit';
import type { Kpi } from '@shared/domain/entities';
import { errorMessage } from '../api/client';
import { useDataVersion } from '../app/use-data-version';
import { formatDateTime, LOCALE } from '../app/locale';
import { useAuditStore } from '../audit/audit-store';
import { RestoreButton } from '../audit/RestoreButton';

// A KPI's value history in words ("Maria changed Oct 2026 from 9.6 % to 10.2 %"), newest
// first, each version restorable. Reads again whenever a value or the KPI changes.

export function KpiHistory({ kpi }: { kpi: Kpi }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useDataVersion(['value', 'kpi']);

  useEffect(() => {
    useAuditStore
      .getState()
      .readHistory(kpi.id)
      .then(setEntries, (cause: unknown) => setError(errorMessage(cause)));
  }, [kpi.id, version]);

  if (error) return <p className="error-text">{error}</p>;
  if (!entries || entries.length === 0) return null;
  return (
    <details>
      <summary>Change history ({entries.length === 50 ? 'latest 50' : entries.length})</summary>
      <ul className="history" tabIndex={0} aria-label="Change history">
        {entries.map((entry) => (
          <li key={entry.id}>
            {formatDateTime(entry.at)}: {valueSentence(entry, LOCALE)}{' '}
            <RestoreButton entry={entry} />
          </li>
        ))}
      </ul>
    </details>
  );
}

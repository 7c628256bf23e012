import { useState } from 'react';
import { errorMessage } from '../api/client';
import { monthNames } from '../app/locale';
import { useWorkspaceStore } from '../workspace/workspace-store';

// The open workspace's fiscal year start (stored in its file): a setting, not a view filter.

export function FiscalYearField() {
  const workspace = useWorkspaceStore((state) => state.current);
  const setFiscalYearStart = useWorkspaceStore((state) => state.setFiscalYearStart);
  const [error, setError] = useState<string | null>(null);
  if (!workspace) return null;
  const months = monthNames();
  const start = workspace.fiscalYearStartMonth;
  return (
    <div className="field">
      <label htmlFor="fiscal-start">Fiscal year starts in</label>
      <select
        id="fiscal-start"
        value={start}
        onChange={(event) => {
          setError(null);
          setFiscalYearStart(Number(event.target.value)).catch((cause: unknown) => {
            setError(errorMessage(cause));
          });
        }}
      >
        {months.map((name, index) => (
          <option key={name} value={index + 1}>
            {name}
          </option>
        ))}
      </select>
      <p className="help">
        {start === 1
          ? 'Fiscal years match calendar years.'
          : `Fiscal years are named after the year they end in: FY2027 runs from ${months[start - 1] ?? ''} 2026 to ${months[(start + 10) % 12] ?? ''} 2027.`}
      </p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

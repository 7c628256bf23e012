import { useEffect, useState } from 'react';
import { AUDIT_KIND_WORDS, auditSentence } from '@shared/domain/audit';
import { CHANGE_ENTITIES, type ChangeEntity } from '@shared/domain/entities';
import { errorMessage } from '../api/client';
import { formatDateTime, formatNumber, LOCALE } from '../app/locale';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { useStructureStore } from '../scorecard/structure-store';
import { Alert } from '../ui/Alert';
import { useAuditStore } from './audit-store';
import { RestoreButton } from './RestoreButton';

// The audit trail tab: every change of the workspace — who, when, what, old → new — newest
// first, filtered by scorecard, KPI, period, kind and days, exported as CSV; a value's entry
// can bring that version back.

/** The start of a day the user picked (their time zone), as an instant; `next` the day after. */
function dayStart(day: string, next = false): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function AuditTrail() {
  const { filter, entries, total, loading, error, setFilter, load, more, exportCsv } =
    useAuditStore();
  const scorecards = useScorecardStore((state) => state.scorecards);
  const kpis = useStructureStore((state) => state.kpis);
  const [days, setDays] = useState({ from: '', to: '' });
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    void load();
    if (useStructureStore.getState().kpis === null) void useStructureStore.getState().loadKpis();
  }, [load]);

  const pickDays = (next: { from: string; to: string }) => {
    setDays(next);
    void setFilter({ from: dayStart(next.from), to: dayStart(next.to, true) });
  };

  return (
    <section className="audit-trail" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit trail</h2>
      <form
        className="audit-filters"
        aria-label="Filter the audit trail"
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label htmlFor="audit-scorecard">Scorecard</label>
          <select
            id="audit-scorecard"
            value={filter.scorecardId ?? ''}
            onChange={(e) => void setFilter({ scorecardId: e.target.value || undefined })}
          >
            <option value="">All scorecards</option>
            {scorecards.map((card) => (
              <option key={card.id} value={card.id}>
                {card.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-kpi">KPI</label>
          <select
            id="audit-kpi"
            value={filter.kpiId ?? ''}
            onChange={(e) => void setFilter({ kpiId: e.target.value || undefined })}
          >
            <option value="">All KPIs</option>
            {(kpis ?? []).map((kpi) => (
              <option key={kpi.id} value={kpi.id}>
                {kpi.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-period">Period</label>
          <input
            id="audit-period"
            type="text"
            placeholder="2026-10"
            defaultValue={filter.period ?? ''}
            onChange={(e) => void setFilter({ period: e.target.value.trim() || undefined })}
          />
        </div>
        <div>
          <label htmlFor="audit-kind">Kind</label>
          <select
            id="audit-kind"
            value={filter.entity ?? ''}
            onChange={(e) =>
              void setFilter({ entity: (e.target.value || undefined) as ChangeEntity | undefined })
            }
          >
            <option value="">Every kind</option>
            {CHANGE_ENTITIES.map((kind) => (
              <option key={kind} value={kind}>
                {AUDIT_KIND_WORDS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={days.from}
            onChange={(e) => pickDays({ ...days, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={days.to}
            onChange={(e) => pickDays({ ...days, to: e.target.value })}
          />
        </div>
        <button
          type="button"
          onClick={() => {
            setExportError(null);
            exportCsv().then(setExported, (cause: unknown) => setExportError(errorMessage(cause)));
          }}
        >
          Export CSV
        </button>
      </form>
      {error ? <Alert message={error} /> : null}
      {exportError ? <Alert message={exportError} /> : null}
      {exported ? <p role="status">Exported {exported}.</p> : null}
      {entries === null ? (
        <p role="status">Loading the audit trail…</p>
      ) : (
        <>
          <p>
            {formatNumber(total)} {total === 1 ? 'change' : 'changes'}
            {entries.length < total ? `, the latest ${formatNumber(entries.length)} shown` : ''}.
          </p>
          <table className="audit-table">
            <caption className="visually-hidden">Changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Restore</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.who}</td>
                  <td>{auditSentence(entry, LOCALE)}</td>
                  <td>
                    <RestoreButton entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length < total ? (
            <button type="button" disabled={loading} onClick={() => void more()}>
              Show older changes
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

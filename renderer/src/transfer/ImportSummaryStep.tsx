import type { ImportSummary } from '@shared/transfer/import-status';
import { formatNumber } from '../app/locale';
import { ImportFlags } from './ImportFlags';

// Step 3 of the import: the dry run. What applying will do (new values with their first rows,
// changed with old → new, unchanged, per KPI), what looks misread, and every row that cannot
// be imported with where it is and why.

const SHOWN = 100;

export function ImportSummaryStep({
  summary,
  flagsConfirmed,
  onConfirmFlags,
  onReadAsPercent,
}: {
  summary: ImportSummary;
  flagsConfirmed: boolean;
  onConfirmFlags(confirmed: boolean): void;
  onReadAsPercent(kpiIds: string[]): void;
}) {
  const n = (count: number) => formatNumber(count);
  return (
    <div className="import-summary">
      <ul className="summary-counts" aria-label="Dry run">
        <li>
          <strong>{n(summary.newValues)}</strong> new values
        </li>
        <li>
          <strong>{n(summary.changedValues)}</strong> changed
        </li>
        <li>
          <strong>{n(summary.unchangedValues)}</strong> unchanged
        </li>
        <li>
          <strong>{n(summary.problemCount)}</strong>{' '}
          {summary.problemCount === 1 ? 'error' : 'errors'}
        </li>
        {summary.kpisToCreate > 0 ? (
          <li>
            <strong>{n(summary.kpisToCreate)}</strong> new KPIs
          </li>
        ) : null}
      </ul>
      <ImportFlags
        flags={summary.flags}
        confirmed={flagsConfirmed}
        onConfirm={onConfirmFlags}
        onReadAsPercent={onReadAsPercent}
      />
      {summary.perKpi.length > 0 ? (
        <section aria-label="Values per KPI">
          <h3>Per KPI</h3>
          <table className="preview-table">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">New</th>
                <th scope="col">Changed</th>
                <th scope="col">Unchanged</th>
              </tr>
            </thead>
            <tbody>
              {summary.perKpi.slice(0, SHOWN).map((kpi) => (
                <tr key={kpi.kpiId}>
                  <td>{kpi.kpiName}</td>
                  <td>{n(kpi.newValues)}</td>
                  <td>{n(kpi.changedValues)}</td>
                  <td>{n(kpi.unchangedValues)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {summary.newSample.length > 0 ? (
        <section aria-label="New values">
          <h3>New values (the first of each KPI)</h3>
          <table className="preview-table">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Period</th>
                <th scope="col">Value as read</th>
                <th scope="col">In the file</th>
              </tr>
            </thead>
            <tbody>
              {summary.newSample.slice(0, SHOWN).map((value) => (
                <tr key={`${value.kpiName}/${value.period}`}>
                  <td>{value.kpiName}</td>
                  <td>{value.period}</td>
                  <td>{formatNumber(value.value)}</td>
                  <td>{value.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {summary.changes.length > 0 ? (
        <section aria-label="Changed values">
          <h3>Changed values</h3>
          <table className="preview-table">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Period</th>
                <th scope="col">Now</th>
                <th scope="col">After import</th>
              </tr>
            </thead>
            <tbody>
              {summary.changes.slice(0, SHOWN).map((change) => (
                <tr key={`${change.kpiName}/${change.period}`}>
                  <td>{change.kpiName}</td>
                  <td>{change.period}</td>
                  <td>{formatNumber(change.oldValue)}</td>
                  <td>{formatNumber(change.newValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.changedValues > SHOWN ? (
            <p className="help">and {n(summary.changedValues - SHOWN)} more.</p>
          ) : null}
        </section>
      ) : null}
      {summary.unknownKpis.length > 0 ? (
        <section aria-label="KPIs not in this workspace">
          <h3>KPIs not in this workspace</h3>
          <ul>
            {summary.unknownKpis.slice(0, SHOWN).map((unknown) => (
              <li key={unknown.name}>
                “{unknown.name}” ({n(unknown.rows)} {unknown.rows === 1 ? 'value' : 'values'}, first
                at {unknown.firstWhere})
                {unknown.suggestion ? ` — did you mean “${unknown.suggestion}”?` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {summary.problems.length > 0 ? (
        <section aria-label="Rows that cannot be imported">
          <h3>Rows that cannot be imported</h3>
          <ul className="problem-list" tabIndex={0} aria-label="Problems">
            {summary.problems.slice(0, SHOWN).map((problem, index) => (
              <li key={index}>
                <strong>{problem.where}:</strong> {problem.message}
              </li>
            ))}
          </ul>
          {summary.problemCount > SHOWN ? (
            <p className="help">and {n(summary.problemCount - SHOWN)} more.</p>
          ) : null}
          <p className="help">
            Import the good rows now, or fix the file and import it again: values already imported
            are recognised and left as they are.
          </p>
        </section>
      ) : null}
    </div>
  );
}

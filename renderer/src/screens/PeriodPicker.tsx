import { useWorkspaceStore } from '../state/workspace-store';
import { useScorecardStore } from '../state/scorecard-store';
import { viewPeriodLabel } from '../charts/labels';
import { api } from '../api/client';
import type { ViewFrequency, YearBasis } from '@shared/scoring/calendar';

// Which period the scorecard shows: by month, quarter or year, on the calendar or the
// workspace's fiscal year (named after the calendar year it ends in).

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2026, i, 1)).toLocaleString(undefined, { month: 'long', timeZone: 'UTC' }),
);

export function PeriodPicker() {
  const { view, choice, choose, refresh } = useScorecardStore();
  const workspace = useWorkspaceStore((state) => state.current);
  const setWorkspace = useWorkspaceStore.setState;
  if (!view || !workspace) return null;
  const periods = view.availablePeriods.includes(view.period)
    ? view.availablePeriods
    : [view.period, ...view.availablePeriods];
  const fiscalStart = workspace.fiscalYearStartMonth;

  return (
    <div className="period-picker" role="group" aria-label="Period to show">
      <label>
        View by{' '}
        <select
          value={choice.frequency}
          onChange={(event) => void choose({ frequency: event.target.value as ViewFrequency })}
        >
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
          <option value="year">Year</option>
        </select>
      </label>
      <label>
        Year{' '}
        <select
          value={choice.basis}
          onChange={(event) => void choose({ basis: event.target.value as YearBasis })}
        >
          <option value="calendar">Calendar</option>
          <option value="fiscal">Fiscal</option>
        </select>
      </label>
      <label>
        Period{' '}
        <select
          value={view.period}
          onChange={(event) => void choose({ period: event.target.value })}
        >
          {periods.map((period) => (
            <option key={period} value={period}>
              {viewPeriodLabel(period, view.view)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Fiscal year starts in{' '}
        <select
          value={fiscalStart}
          onChange={(event) => {
            void api
              .call('workspace.setFiscalYearStart', { month: Number(event.target.value) })
              .then(async (info) => {
                setWorkspace({ current: info });
                await refresh();
              });
          }}
        >
          {MONTHS.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {choice.basis === 'fiscal' && fiscalStart !== 1 ? (
        <p className="help">
          Fiscal years are named after the year they end in: FY{2027} runs from{' '}
          {MONTHS[fiscalStart - 1]} 2026 to {MONTHS[(fiscalStart + 10) % 12]} 2027.
        </p>
      ) : null}
    </div>
  );
}

import { useWorkspaceStore } from '../workspace/workspace-store';
import { useScorecardStore } from './scorecard-store';
import { viewPeriodLabel } from '../charts/labels';
import { formatNumber, monthNames } from '../app/locale';
import type { ViewFrequency, YearBasis } from '@shared/scoring/calendar';

// Which period the scorecard shows: by month, quarter or year, on the calendar or the
// workspace's fiscal year (named after the calendar year it ends in).

export function PeriodPicker() {
  const { view, choice, choose } = useScorecardStore();
  const workspace = useWorkspaceStore((state) => state.current);
  if (!view || !workspace) return null;
  const periods = view.availablePeriods.includes(view.period)
    ? view.availablePeriods
    : [view.period, ...view.availablePeriods];
  const fiscalStart = workspace.fiscalYearStartMonth;
  const months = monthNames();
  // How complete each period is: "Nov 2026 — 1 of 20 values".
  const counts = new Map(view.completeness.map((entry) => [entry.period, entry]));
  const optionLabel = (period: string) => {
    const label = viewPeriodLabel(period, view.view);
    const count = counts.get(period);
    return count && count.expected > 0
      ? `${label} — ${formatNumber(count.reported)} of ${formatNumber(count.expected)} values`
      : label;
  };

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
              {optionLabel(period)}
            </option>
          ))}
        </select>
      </label>
      {choice.basis === 'fiscal' && fiscalStart !== 1 ? (
        <p className="help">
          Fiscal years are named after the year they end in: FY{2027} runs from{' '}
          {months[fiscalStart - 1]} 2026 to {months[(fiscalStart + 10) % 12]} 2027. The start month
          is in Settings.
        </p>
      ) : null}
    </div>
  );
}

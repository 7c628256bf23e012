import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSettingsStore } from '../settings/settings-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useScorecardStore } from './scorecard-store';
import { viewPeriodLabel } from '../charts/labels';
import { formatNumber, monthNames } from '../app/locale';
import type { ViewFrequency, YearBasis } from '@shared/scoring/calendar';
import type { ScorecardRows } from '@shared/domain/evaluation';

// Which period the scorecard shows: by month, quarter or year, on the calendar or the
// workspace's fiscal year (named after the calendar year it ends in).

export function PeriodPicker() {
  // Only what the picker shows: the store changes often as a scorecard loads.
  const { view, choice, choose } = useScorecardStore(
    useShallow(({ view, choice, choose }) => ({ view, choice, choose })),
  );
  const workspace = useWorkspaceStore((state) => state.current);
  // The first screen lists only the period shown, and every other just after it (a render
  // React may interrupt): ten years of months are 120 options, which held the first screen of
  // a large scorecard back by about 5 ms (issue 19). The list is complete long before a person
  // could open it.
  const listAll = useDeferredValue(true, false);
  // The labels are in the user's locale: a new one labels them again.
  const localeVersion = useSettingsStore((state) => state.localeVersion);
  const options = useMemo(
    () => (view ? periodOptions(view, listAll) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the locale is read by the labels' formatting
    [view, listAll, localeVersion],
  );
  if (!view || !workspace) return null;
  const fiscalStart = workspace.fiscalYearStartMonth;
  const months = monthNames();

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
          {options}
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

/** The Period list's options: every period of the view, or only the one shown. */
function periodOptions(view: ScorecardRows, all: boolean) {
  const periods = !all
    ? [view.period]
    : view.availablePeriods.includes(view.period)
      ? view.availablePeriods
      : [view.period, ...view.availablePeriods];
  // How complete each period is: "Nov 2026 — 1 of 20 values".
  const counts = new Map(view.completeness.map((entry) => [entry.period, entry]));
  return periods.map((period) => {
    const label = viewPeriodLabel(period, view.view);
    const count = counts.get(period);
    return (
      <option key={period} value={period}>
        {count && count.expected > 0
          ? `${label} — ${formatNumber(count.reported)} of ${formatNumber(count.expected)} values`
          : label}
      </option>
    );
  });
}

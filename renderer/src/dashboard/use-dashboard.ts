import { startTransition, useEffect, useState } from 'react';
import type { Dashboard } from '@shared/dashboard/types';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { api, errorMessage } from '../api/client';
import { DASHBOARD_KINDS } from '../app/change-kinds';
import { useDataVersion } from '../app/use-data-version';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { dashboardParams } from './dashboard-params';

// The dashboard's one call, for the scorecard and period on screen. The scorecard store's
// evaluation is read again on every scoring change, which brings a new `view` here; what the
// evaluation does not cover (plans, dismissals, reminder settings) has its own change signal.

export function useDashboard(view: ScorecardRows): {
  dashboard: Dashboard | null;
  error: string | null;
} {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useDataVersion(DASHBOARD_KINDS);
  const id = view.scorecard.id;
  const { frequency, basis } = view.view;
  // The period as chosen: none (the one the view opens on, which `view.period` names) asks as
  // the page's first reads did, and takes their answer.
  const chosen = useScorecardStore((state) => state.choice.period);
  const period = chosen === null ? null : view.period;
  useEffect(() => {
    let current = true;
    api.call('dashboard.get', dashboardParams(id, { frequency, basis, period })).then(
      (data) => {
        if (!current) return;
        // Rendered as a transition, which gives way to input: a user who clicks another tab
        // as the workspace opens does not wait for the tiles to render first (issue 19).
        startTransition(() => {
          setDashboard(data);
          setError(null);
        });
      },
      (failure: unknown) => {
        if (current) setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
    };
    // `view` itself: a new evaluation (a value entered) reads the dashboard again.
  }, [view, id, period, frequency, basis, version]);
  return { dashboard, error };
}

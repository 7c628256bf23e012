import { startTransition, useEffect, useState } from 'react';
import type { Dashboard } from '@shared/dashboard/types';
import type { ScorecardRows } from '@shared/domain/evaluation';
import { api, errorMessage } from '../api/client';
import { DASHBOARD_KINDS } from '../app/change-kinds';
import { useDataVersion } from '../app/use-data-version';

// The dashboard's one call, for the scorecard and period on screen. The scorecard store's
// evaluation is read again on every scoring change, which brings a new `view` here; what the
// evaluation does not cover (plans, dismissals, reminder settings) has its own change signal.

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useDashboard(view: ScorecardRows): {
  dashboard: Dashboard | null;
  error: string | null;
} {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useDataVersion(DASHBOARD_KINDS);
  const id = view.scorecard.id;
  const { period } = view;
  const { frequency, basis } = view.view;
  useEffect(() => {
    let current = true;
    api
      .call('dashboard.get', {
        scorecardId: id,
        view: { frequency, basis },
        period,
        timeZone: TIME_ZONE,
      })
      .then(
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

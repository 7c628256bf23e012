import type { MethodParams } from '@shared/api/contract';
import type { ViewChoice } from '../scorecard/evaluation-params';

// What the dashboard asks `dashboard.get` for, apart from the view: the page's first reads
// (app/early-reads.ts) ask the very same when the page opens on the Dashboard, before React has
// loaded, and an early answer is taken only by a call with equal params
// (shared/api/early-calls.ts).

/** The due and overdue values are counted in the user's own time zone. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The dashboard of scorecard `id` for `choice`. With no period chosen, the backend takes the
 * one the scorecard view opens on, as the evaluation does.
 */
export function dashboardParams(id: string, choice: ViewChoice): MethodParams<'dashboard.get'> {
  return {
    scorecardId: id,
    view: { frequency: choice.frequency, basis: choice.basis },
    ...(choice.period ? { period: choice.period } : {}),
    timeZone: TIME_ZONE,
  };
}

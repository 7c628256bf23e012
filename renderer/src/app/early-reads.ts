import { callEarly, dropEarly, platform } from '../api/client';
import { startServerEvents } from '../api/events';
import { together } from '../api/transport';
import type { MethodOutput, MethodParams } from '@shared/api/contract';
import { DEFAULT_CHOICE, evaluationParams } from '../scorecard/evaluation-params';
import { rememberedOpening, type OpeningScorecard } from './opening-scorecard';
import { isReportPrintPage } from './report-print-page';
import { dashboardParams } from '../dashboard/dashboard-params';
import { tabInAddress } from '../workspace/tabs';

// The page's first reads go out from here, the first module main.tsx imports, so they are sent
// as the bundle starts running rather than after the rest of it (React, every view) has been
// evaluated: about 40–50 ms of a reload's script in a trace of the 500-KPI scorecard, which the
// round trip now overlaps (issue 19). Only the API client and the event stream load before it.
// The event stream starts first, so a change made after a read is heard and the read dropped
// (api/client.ts).

export interface EarlyReads {
  workspace: Promise<MethodOutput<'workspace.current'>>;
  scorecards: Promise<MethodOutput<'scorecard.list'>>;
  /**
   * The evaluation of the scorecard this workspace opened on last time, asked for with the
   * rest (app/opening-scorecard.ts); null when none is remembered. app/first-reads.ts drops it
   * when the workspace opens on another.
   */
  evaluation: (OpeningScorecard & { params: MethodParams<'scorecard.evaluate'> }) | null;
  /** The dashboard of that scorecard, asked for too when the page opens on the Dashboard. */
  dashboard: MethodParams<'dashboard.get'> | null;
}

/** How long an early dashboard waits to be taken once it has come: it counts what is due as
 * of now. */
const DASHBOARD_KEPT_MS = 10_000;

function send(): EarlyReads | null {
  startServerEvents();
  if (platform === 'no-token' || isReportPrintPage()) return null;
  // In one request in browser mode, each answered as soon as it is ready (api/transport.ts): the
  // workspace and its tabs never wait for the evaluation, which a newly started app takes about
  // 400 ms over for a 5,000-KPI scorecard.
  return together(() => {
    void callEarly('settings.get', {});
    const workspace = callEarly('workspace.current', {});
    void callEarly('workspace.recent', {});
    const scorecards = callEarly('scorecard.list', {});
    const opening = rememberedOpening();
    let evaluation: EarlyReads['evaluation'] = null;
    let dashboard: EarlyReads['dashboard'] = null;
    if (opening) {
      // The store's own first call: the default view of that scorecard.
      const params = evaluationParams(opening.id, DEFAULT_CHOICE);
      void callEarly('scorecard.evaluate', params);
      evaluation = { ...opening, params };
      // The Dashboard's own first call (dashboard/use-dashboard.ts), answered after the
      // evaluation it is made from: otherwise it goes out only once that evaluation has come
      // and the Dashboard has rendered, a second round trip before the workspace's first screen.
      if (tabInAddress() === 'dashboard') {
        const asked = dashboardParams(opening.id, DEFAULT_CHOICE);
        dashboard = asked;
        // Not taken soon after it came (another tab clicked first): a later Dashboard asks
        // afresh. A failed answer is dropped by callEarly itself.
        callEarly('dashboard.get', asked).then(
          () => setTimeout(() => dropEarly('dashboard.get', asked), DASHBOARD_KEPT_MS),
          () => undefined,
        );
      }
    }
    return { workspace, scorecards, evaluation, dashboard };
  });
}

/** What the first screen reads, asked for as the script starts; null on pages that read none. */
export const earlyReads: EarlyReads | null = send();

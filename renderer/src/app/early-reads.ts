import { callEarly, platform } from '../api/client';
import { startServerEvents } from '../api/events';
import type { MethodOutput } from '@shared/api/contract';
import { isReportPrintPage } from './report-print-page';

// The page's first reads go out from here, the first module main.tsx imports, so they are sent
// as the bundle starts running rather than after the rest of it (React, zod's schemas, every
// view) has been evaluated: about 40–50 ms of a reload's script in a trace of the 500-KPI
// scorecard, which the round trip now overlaps (issue 19). Only the API client and the event
// stream load before it. The event stream starts first, so a change made after a read is heard
// and the read dropped (api/client.ts).

export interface EarlyReads {
  workspace: Promise<MethodOutput<'workspace.current'>>;
  scorecards: Promise<MethodOutput<'scorecard.list'>>;
}

function send(): EarlyReads | null {
  startServerEvents();
  if (platform === 'no-token' || isReportPrintPage()) return null;
  void callEarly('settings.get', {});
  const workspace = callEarly('workspace.current', {});
  void callEarly('workspace.recent', {});
  const scorecards = callEarly('scorecard.list', {});
  return { workspace, scorecards };
}

/** What the first screen reads, asked for as the script starts; null on pages that read none. */
export const earlyReads: EarlyReads | null = send();

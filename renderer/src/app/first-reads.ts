import { callEarly, platform } from '../api/client';
import { isReportPrintPage } from './report-print-page';

// What the first screen reads, asked for as the page's script starts rather than as each view
// mounts (issue 19): the settings, the open workspace and the recent list (App, the workspace
// store) and the open workspace's scorecards (the scorecard store, which then asks for the
// evaluation at once). Each is the very call its store makes, so the store takes the answer.
// With no workspace open the scorecard list fails and is dropped (nobody asks for it).

export function sendFirstReads(): void {
  if (platform === 'no-token' || isReportPrintPage()) return;
  callEarly('settings.get', {});
  callEarly('workspace.current', {});
  callEarly('workspace.recent', {});
  callEarly('scorecard.list', {});
}

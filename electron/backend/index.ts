import type { Backend, BackendOptions } from './platform';
import { HandlerContext, type BackendInternals } from './context';
import { createDispatcher } from './dispatcher';
import { actionPlanHandlers } from './handlers/action-plan';
import { appHandlers } from './handlers/app';
import { backupHandlers } from './handlers/backups';
import { dashboardHandlers } from './handlers/dashboard';
import { exportHandlers } from './handlers/export';
import { healthHandlers } from './handlers/health';
import { importHandlers } from './handlers/import';
import { kpiHandlers } from './handlers/kpi';
import { libraryHandlers } from './handlers/library';
import { objectiveHandlers } from './handlers/objective';
import { perspectiveHandlers } from './handlers/perspective';
import { reminderHandlers } from './handlers/reminders';
import { strategyMapHandlers } from './handlers/strategy-map';
import { settingsHandlers } from './handlers/settings';
import { reportHandlers } from './handlers/report';
import { scorecardHandlers } from './handlers/scorecard';
import { scoringHandlers } from './handlers/scoring';
import { syncHandlers } from './handlers/sync';
import { startBackgroundSync } from './sync/background';
import { combineHandlers, type Handlers } from './handlers/types';
import { valueHandlers } from './handlers/value';
import { auditHandlers } from './handlers/audit';
import { workspaceHandlers } from './handlers/workspace';

// The backend: plain Node (never `electron`), hosted by the Electron main process over IPC or
// by the browser-mode server over HTTP. It starts with no workspace open.

export type { Backend, BackendOptions, Clock } from './platform';
export type { BackendInternals } from './context';
export type { FileAccess, FilePurpose } from './files/access';
export { browserFileAccess, unrestrictedFileAccess } from './files/access';
export type { Migration } from './workspace/migrations';
export { APPLICATION_ID, MIGRATIONS } from './workspace/migrations';

export function createBackend(options: BackendOptions, internals: BackendInternals = {}): Backend {
  const handlers: Handlers = combineHandlers(
    appHandlers,
    workspaceHandlers,
    scorecardHandlers,
    scoringHandlers,
    perspectiveHandlers,
    objectiveHandlers,
    kpiHandlers,
    valueHandlers,
    auditHandlers,
    importHandlers,
    reportHandlers,
    actionPlanHandlers,
    exportHandlers,
    reminderHandlers,
    backupHandlers,
    settingsHandlers,
    strategyMapHandlers,
    syncHandlers,
    libraryHandlers,
    healthHandlers,
    dashboardHandlers,
  );
  const ctx = new HandlerContext(options, internals);
  const dispatch = createDispatcher(handlers, ctx);
  const stopSync =
    options.backgroundSync === undefined || options.backgroundSync === false
      ? () => undefined
      : startBackgroundSync(ctx, dispatch, options.backgroundSync);
  return {
    dispatch,
    subscribe: (listener) => ctx.events.subscribe(listener),
    close: () => {
      stopSync();
      ctx.closeCurrent();
    },
  };
}

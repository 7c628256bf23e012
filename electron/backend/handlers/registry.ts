import type { MethodName } from '@shared/api/contract';
import type { Handler, HandlerGroup } from './types';

// Which module answers each method, loaded on its first call (issue 19: a fast start). A start
// opens a workspace and serves the first screen; the import, export, report, library, sync
// (and its PostgreSQL driver) and reminder code load only when the user first reaches them.
// The method → group table is exhaustive at compile time (`satisfies Record<MethodName, …>`),
// and each group's type is read from its module without loading it (`typeof import(…)`).

const GROUPS = {
  actionPlan: () => import('./action-plan').then((m) => m.actionPlanHandlers),
  app: () => import('./app').then((m) => m.appHandlers),
  audit: () => import('./audit').then((m) => m.auditHandlers),
  backups: () => import('./backups').then((m) => m.backupHandlers),
  dashboard: () => import('./dashboard').then((m) => m.dashboardHandlers),
  export: () => import('./export').then((m) => m.exportHandlers),
  health: () => import('./health').then((m) => m.healthHandlers),
  import: () => import('./import').then((m) => m.importHandlers),
  kpi: () => import('./kpi').then((m) => m.kpiHandlers),
  library: () => import('./library').then((m) => m.libraryHandlers),
  objective: () => import('./objective').then((m) => m.objectiveHandlers),
  perspective: () => import('./perspective').then((m) => m.perspectiveHandlers),
  reminders: () => import('./reminders').then((m) => m.reminderHandlers),
  report: () => import('./report').then((m) => m.reportHandlers),
  scorecard: () => import('./scorecard').then((m) => m.scorecardHandlers),
  scoring: () => import('./scoring').then((m) => m.scoringHandlers),
  settings: () => import('./settings').then((m) => m.settingsHandlers),
  strategyMap: () => import('./strategy-map').then((m) => m.strategyMapHandlers),
  sync: () => import('./sync').then((m) => m.syncHandlers),
  value: () => import('./value').then((m) => m.valueHandlers),
  workspace: () => import('./workspace').then((m) => m.workspaceHandlers),
} satisfies Record<string, () => Promise<HandlerGroup>>;

type GroupName = keyof typeof GROUPS;
type GroupHandlers<G extends GroupName> = Awaited<ReturnType<(typeof GROUPS)[G]>>;

export const GROUP_OF = {
  'actionPlan.list': 'actionPlan',
  'actionPlan.create': 'actionPlan',
  'actionPlan.update': 'actionPlan',
  'actionPlan.delete': 'actionPlan',
  'app.info': 'app',
  'audit.list': 'audit',
  'audit.export': 'audit',
  'value.restore': 'audit',
  'backup.list': 'backups',
  'backup.restore': 'backups',
  'dashboard.get': 'dashboard',
  'export.values': 'export',
  'export.package': 'export',
  'package.import': 'export',
  'health.check': 'health',
  'health.dismiss': 'health',
  'health.restore': 'health',
  'import.inspect': 'import',
  'import.start': 'import',
  'import.restart': 'import',
  'import.status': 'import',
  'import.apply': 'import',
  'import.cancel': 'import',
  'import.definitions': 'import',
  'kpi.list': 'kpi',
  'kpi.get': 'kpi',
  'kpi.create': 'kpi',
  'kpi.update': 'kpi',
  'kpi.move': 'kpi',
  'kpi.setParent': 'kpi',
  'kpi.children': 'kpi',
  'kpi.delete': 'kpi',
  'library.list': 'library',
  'library.add': 'library',
  'template.list': 'library',
  'template.createWorkspace': 'library',
  'template.addScorecard': 'library',
  'template.addKpi': 'library',
  'template.saveScorecard': 'library',
  'template.saveKpi': 'library',
  'template.export': 'library',
  'template.import': 'library',
  'template.delete': 'library',
  'objective.create': 'objective',
  'objective.update': 'objective',
  'objective.reorder': 'objective',
  'objective.delete': 'objective',
  'perspective.create': 'perspective',
  'perspective.update': 'perspective',
  'perspective.reorder': 'perspective',
  'perspective.delete': 'perspective',
  'reminders.inbox': 'reminders',
  'reminders.claimDue': 'reminders',
  'reminders.markDone': 'reminders',
  'reminders.dismiss': 'reminders',
  'reminders.snooze': 'reminders',
  'reminders.dismissNote': 'reminders',
  'reminders.preferences': 'reminders',
  'reminders.setPreferences': 'reminders',
  'reminders.settings': 'reminders',
  'reminders.setDefaults': 'reminders',
  'reminders.setKpiOverride': 'reminders',
  'reminders.setReview': 'reminders',
  'reminders.removeReview': 'reminders',
  'reminders.exportIcs': 'reminders',
  'report.options.get': 'report',
  'report.options.set': 'report',
  'report.data': 'report',
  'report.savePdf': 'report',
  'scorecard.list': 'scorecard',
  'scorecard.create': 'scorecard',
  'scorecard.update': 'scorecard',
  'scorecard.delete': 'scorecard',
  'scorecard.evaluate': 'scoring',
  'kpi.detail': 'scoring',
  'kpi.tree': 'scoring',
  'settings.get': 'settings',
  'settings.update': 'settings',
  'link.list': 'strategyMap',
  'link.create': 'strategyMap',
  'link.update': 'strategyMap',
  'link.delete': 'strategyMap',
  'strategyMap.get': 'strategyMap',
  'strategyMap.setPositions': 'strategyMap',
  'strategyMap.resetPositions': 'strategyMap',
  'sync.initServer': 'sync',
  'sync.setMember': 'sync',
  'sync.share': 'sync',
  'sync.join': 'sync',
  'sync.run': 'sync',
  'sync.status': 'sync',
  'sync.conflicts': 'sync',
  'sync.resolve': 'sync',
  'value.list': 'value',
  'value.set': 'value',
  'value.setMany': 'value',
  'value.setComment': 'value',
  'value.delete': 'value',
  'value.history': 'value',
  'workspace.create': 'workspace',
  'workspace.open': 'workspace',
  'workspace.openSample': 'workspace',
  'workspace.close': 'workspace',
  'workspace.current': 'workspace',
  'workspace.rename': 'workspace',
  'workspace.setFiscalYearStart': 'workspace',
  'workspace.recent': 'workspace',
  'workspace.forgetRecent': 'workspace',
  'workspace.listFiles': 'workspace',
  'workspace.saveCopy': 'workspace',
} as const satisfies Record<MethodName, GroupName>;

/** A method listed under a group whose module has no handler for it fails the build here. */
type Misfiled = {
  [M in MethodName]: M extends keyof GroupHandlers<(typeof GROUP_OF)[M]> ? never : M;
}[MethodName];
type NoneMisfiled<M extends never> = M;
export type EveryMethodFiled = NoneMisfiled<Misfiled>;

/** The handler of `method`, its module loaded (once: import() caches) on the first call. */
export async function loadHandler<M extends MethodName>(method: M): Promise<Handler<M>> {
  const group: HandlerGroup = await GROUPS[GROUP_OF[method]]();
  const handler = group[method];
  if (handler === undefined)
    throw new Error(`No handler for "${method}" in its group ${GROUP_OF[method]}`);
  return handler;
}

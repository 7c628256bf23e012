import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '@shared/api/contract';
import { makeBackend, withScorecard } from './helpers';

// Every API method refuses a call of the wrong shape with VALIDATION naming the field, before
// anything runs. The table is keyed by method, so a new method needs a row here to compile.

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const WRONG_SHAPE: Record<MethodName, { params: unknown; field: string }> = {
  'reminders.inbox': { params: { timeZone: 'Mars/Olympus_Mons' }, field: 'timeZone' },
  'reminders.claimDue': { params: {}, field: 'timeZone' },
  'reminders.markDone': { params: { key: '' }, field: 'key' },
  'reminders.dismiss': { params: { key: 5 }, field: 'key' },
  'reminders.snooze': { params: { key: 'k', until: 'forever', timeZone: 'UTC' }, field: 'until' },
  'reminders.dismissNote': { params: {}, field: 'id' },
  'reminders.preferences': { params: { paused: true }, field: 'paused' },
  'reminders.setPreferences': {
    params: { quietHours: { enabled: true, start: '25:00', end: '07:00' } },
    field: 'quietHours.start',
  },
  'reminders.settings': { params: { id: ID }, field: 'id' },
  'reminders.setDefaults': {
    params: { enabled: true, graceDays: -1, timeOfDay: '09:00' },
    field: 'graceDays',
  },
  'reminders.setKpiOverride': { params: { kpiId: ID, mode: 'sometimes' }, field: 'mode' },
  'reminders.setReview': { params: { scorecardId: ID, cadence: 'weekly' }, field: 'cadence' },
  'reminders.removeReview': { params: { scorecardId: 'x' }, field: 'scorecardId' },
  'reminders.exportIcs': { params: { timeZone: 'UTC', days: 0 }, field: 'days' },
  'app.info': { params: { verbose: true }, field: 'verbose' },
  'settings.get': { params: { theme: 'dark' }, field: 'theme' },
  'health.check': { params: { scorecardId: ID }, field: 'scorecardId' },
  'health.dismiss': { params: { key: 'no_owner:x', reason: '   ' }, field: 'reason' },
  'health.restore': { params: { key: '' }, field: 'key' },
  'dashboard.get': { params: { scorecardId: ID, timeZone: 'Mars/Base' }, field: 'timeZone' },
  'settings.update': { params: { currency: 'euro' }, field: 'currency' },
  'workspace.create': { params: { name: '' }, field: 'name' },
  'workspace.open': { params: { path: 42 }, field: 'path' },
  'workspace.openSample': { params: { path: '/tmp/x.kpis' }, field: 'path' },
  'workspace.close': { params: { force: true }, field: 'force' },
  'workspace.current': { params: { id: ID }, field: 'id' },
  'workspace.rename': { params: { name: '   ' }, field: 'name' },
  'workspace.setFiscalYearStart': { params: { month: 13 }, field: 'month' },
  'workspace.recent': { params: { limit: 5 }, field: 'limit' },
  'workspace.forgetRecent': { params: {}, field: 'path' },
  'workspace.listFiles': { params: { folder: '/' }, field: 'folder' },
  'workspace.saveCopy': { params: { path: '' }, field: 'path' },
  'scorecard.list': { params: { parentId: null }, field: 'parentId' },
  'scorecard.create': { params: { name: 'X', parentId: 'not-an-id' }, field: 'parentId' },
  'scorecard.update': { params: { id: ID, name: 5 }, field: 'name' },
  'scorecard.delete': { params: {}, field: 'id' },
  'perspective.create': { params: { scorecardId: ID, name: 'P', weight: -1 }, field: 'weight' },
  'perspective.update': { params: { id: ID, weight: 'heavy' }, field: 'weight' },
  'perspective.reorder': { params: { scorecardId: ID, orderedIds: [] }, field: 'orderedIds' },
  'perspective.delete': { params: { id: null }, field: 'id' },
  'objective.create': {
    params: { perspectiveId: ID, name: 'O', description: 7 },
    field: 'description',
  },
  'objective.update': { params: { id: ID, weight: 1001 }, field: 'weight' },
  'objective.reorder': { params: { perspectiveId: ID, orderedIds: ['x'] }, field: 'orderedIds.0' },
  'objective.delete': { params: { id: '' }, field: 'id' },
  'scorecard.evaluate': { params: { id: ID, sparklineLength: 1000 }, field: 'sparklineLength' },
  'kpi.list': { params: { scorecardId: 5 }, field: 'scorecardId' },
  'kpi.get': { params: {}, field: 'id' },
  'kpi.create': { params: { objectiveId: ID, name: 'K', decimals: 7 }, field: 'decimals' },
  'kpi.update': { params: { id: ID, patch: { direction: 'up' } }, field: 'patch.direction' },
  'kpi.tree': { params: { view: { frequency: 'month' } }, field: 'period' },
  'kpi.detail': { params: { id: ID, view: { frequency: 'week' } }, field: 'view.frequency' },
  'kpi.move': { params: { id: ID }, field: 'objectiveId' },
  'kpi.setParent': { params: { id: ID }, field: 'parentKpiId' },
  'kpi.children': { params: { id: 3 }, field: 'id' },
  'kpi.delete': { params: { id: ID, cascade: true }, field: 'cascade' },
  'value.list': { params: { fromPeriod: 202603 }, field: 'fromPeriod' },
  'value.set': { params: { kpiId: ID, period: '2026-03', value: '12' }, field: 'value' },
  'value.setMany': {
    params: { entries: [{ kpiId: ID, period: '2026-03', value: Number.NaN }] },
    field: 'entries.0.value',
  },
  'value.setComment': { params: { kpiId: ID, period: '2026-03' }, field: 'comment' },
  'value.delete': { params: { kpiId: ID, period: '' }, field: 'period' },
  'value.history': { params: { kpiId: 'x' }, field: 'kpiId' },
  'import.inspect': { params: { path: '/tmp/a.csv', locale: 'not a locale!' }, field: 'locale' },
  'import.start': {
    params: {
      path: '/tmp/a.csv',
      sheet: null,
      format: null,
      mapping: { layout: 'diagonal' },
      numberLocale: 'en-GB',
      dayFirst: true,
      unknownKpis: { action: 'skip' },
    },
    field: 'mapping.layout',
  },
  'import.status': { params: { jobId: 'x' }, field: 'jobId' },
  'import.apply': { params: {}, field: 'jobId' },
  'import.cancel': { params: { jobId: 7 }, field: 'jobId' },
  'import.restart': { params: { jobId: 5 }, field: 'jobId' },
  'audit.list': { params: { from: 'yesterday' }, field: 'from' },
  'audit.export': {
    params: { entity: 'everything', destination: { kind: 'download' } },
    field: 'entity',
  },
  'value.restore': { params: { changeId: ID, version: 'latest' }, field: 'version' },
  'import.definitions': {
    params: {
      path: '/tmp/kpis.csv',
      sheet: null,
      format: null,
      headerLine: 1,
      columns: { name: -1 },
      numberLocale: 'en-GB',
      scorecardId: ID,
      apply: false,
    },
    field: 'columns.name',
  },
  'actionPlan.list': { params: { kpiId: 'x' }, field: 'kpiId' },
  'actionPlan.create': { params: { kpiId: ID, title: '  ' }, field: 'title' },
  'actionPlan.update': { params: { id: ID, dueDate: '2026-02-30' }, field: 'dueDate' },
  'actionPlan.delete': { params: {}, field: 'id' },
  'report.options.get': { params: { scorecardId: ID }, field: 'scorecardId' },
  'backup.list': { params: { id: ID }, field: 'id' },
  'backup.restore': { params: { id: '../../etc/passwd' }, field: 'id' },
  'sync.initServer': { params: { url: 'http://example.org' }, field: 'url' },
  'sync.setMember': {
    params: { url: 'postgres://a@h/d', space: 's', member: 'm', role: 'admin' },
    field: 'role',
  },
  'sync.share': { params: { url: 'postgres://a@h/d', space: '' }, field: 'space' },
  'sync.join': { params: { url: 'postgres://a@h/d', space: 's', path: 42 }, field: 'path' },
  'sync.run': { params: { url: 42 }, field: 'url' },
  'sync.status': { params: { verbose: true }, field: 'verbose' },
  'sync.conflicts': { params: { all: true }, field: 'all' },
  'sync.resolve': { params: { changeId: 'not-an-id' }, field: 'changeId' },
  'report.options.set': { params: { paper: 'A3' }, field: 'paper' },
  'report.data': { params: { frequency: 'week' }, field: 'frequency' },
  'report.savePdf': { params: {}, field: 'suggestedName' },
  'link.list': { params: { scorecardId: ID }, field: 'scorecardId' },
  'link.create': { params: { fromObjectiveId: ID, toObjectiveId: 'x' }, field: 'toObjectiveId' },
  'link.update': { params: { id: ID, label: 'x'.repeat(201) }, field: 'label' },
  'link.delete': { params: { id: 7 }, field: 'id' },
  'strategyMap.get': {
    params: { scorecardId: ID, view: { frequency: 'week' } },
    field: 'view.frequency',
  },
  'strategyMap.setPositions': {
    params: { scorecardId: ID, positions: [{ objectiveId: ID, x: 1, y: Infinity }] },
    field: 'positions.0.y',
  },
  'strategyMap.resetPositions': { params: {}, field: 'scorecardId' },
  'export.values': {
    params: { format: 'ods', layout: 'long', destination: { kind: 'download' } },
    field: 'format',
  },
  'export.package': {
    params: { scorecardId: 'x', destination: { kind: 'download' } },
    field: 'scorecardId',
  },
  'package.import': { params: { into: 'current', path: '' }, field: 'path' },
  'library.list': { params: { department: 'sales' }, field: 'department' },
  'library.add': { params: { objectiveId: ID, code: 'Revenue' }, field: 'code' },
  'template.list': { params: { kind: 'kpi' }, field: 'kind' },
  'template.createWorkspace': { params: { templateId: 'saas', name: 'Acme' }, field: 'templateId' },
  'template.addScorecard': {
    params: { templateId: 'builtin:saas', parentId: 'x' },
    field: 'parentId',
  },
  'template.addKpi': { params: { templateId: 'builtin:saas' }, field: 'objectiveId' },
  'template.saveScorecard': { params: { scorecardId: ID, name: '' }, field: 'name' },
  'template.saveKpi': {
    params: { kpiId: ID, name: 'x', includeValues: 'yes' },
    field: 'includeValues',
  },
  'template.export': {
    params: { templateId: 'builtin:saas', destination: 'downloads' },
    field: 'destination',
  },
  'template.import': { params: { path: 7 }, field: 'path' },
  'template.delete': { params: { templateId: '../x' }, field: 'templateId' },
};

describe('every API method validates its input', () => {
  it('has a wrong-shape case for every method of the contract', () => {
    expect(Object.keys(WRONG_SHAPE).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(METHOD_NAMES)('%s refuses a wrong-shaped call and changes nothing', async (method) => {
    const t = await withScorecard();
    const before = await t.call('scorecard.list', {});
    const { params, field } = WRONG_SHAPE[method];
    const error = await t.fail(method, params);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.issues?.[0]?.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await t.call('scorecard.list', {})).toEqual(before);
    expect((await t.call('workspace.current', {}))?.path).toBe(t.workspace.path);
  });

  it.each(METHOD_NAMES)('%s refuses parameters that are not an object', async (method) => {
    const t = makeBackend();
    for (const params of [null, undefined, 'x', 5, [], true]) {
      const error = await t.fail(method, params);
      expect(error).toEqual({
        code: 'VALIDATION',
        message: `The parameters of ${method} must be an object`,
        issues: [{ field: '', message: `The parameters of ${method} must be an object` }],
      });
    }
  });

  it.each(METHOD_NAMES)('%s refuses a field it does not know', async (method) => {
    const t = makeBackend();
    const error = await t.fail(method, { colour: 'red' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({
      field: 'colour',
      message: `"colour" is not a field of ${method}`,
    });
  });

  it('validates before asking for a workspace', async () => {
    const t = makeBackend();
    expect((await t.fail('scorecard.create', { name: '' })).code).toBe('VALIDATION');
    expect((await t.fail('scorecard.create', { name: 'Fine' })).code).toBe('NO_WORKSPACE');
  });

  it('names the field in the top-level message and lists every problem', async () => {
    const t = await withScorecard();
    const error = await t.fail('perspective.create', { scorecardId: t.scorecard.id, weight: 'x' });
    expect(error).toEqual({
      code: 'VALIDATION',
      field: 'name',
      message: 'Name: Name is required (and 1 more problem)',
      issues: [
        { field: 'name', message: 'Name is required' },
        { field: 'weight', message: 'Weight must be a number' },
      ],
    });
  });
});

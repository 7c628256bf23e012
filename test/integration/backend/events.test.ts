import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '@shared/api/events';
import { applyImport, dryRun, writeFile } from '../import/helpers';
import { makeBackend, withScorecard } from './helpers';

// The backend says what a call changed (from what it wrote to the change log) and when another
// workspace opens; reads say nothing.

describe('server events', () => {
  it('announces the kinds of entity a write touched, and nothing for a read or a refused write', async () => {
    const t = await withScorecard();
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));

    const kpi = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    expect(events).toEqual([
      { name: 'changed', payload: { entities: ['kpi'], scorecardIds: null } },
    ]);

    events.length = 0;
    await t.call('value.set', { kpiId: kpi.id, period: '2026-01', value: 5 });
    expect(events).toEqual([
      { name: 'changed', payload: { entities: ['value'], scorecardIds: null } },
    ]);

    events.length = 0;
    await t.call('value.list', { kpiIds: [kpi.id] });
    await t.fail('value.set', { kpiId: kpi.id, period: '2026-13', value: 5 });
    expect(events).toEqual([]);
  });

  it('announces the values an import wrote on its worker thread once it is applied', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const path = writeFile(t, 'values.csv', 'KPI,Period,Value\nRevenue,2026-01,5\n');
    const ready = await dryRun(t, path);
    expect(events.filter((event) => event.name === 'changed')).toEqual([]);
    await applyImport(t, ready.id);
    expect(events.filter((event) => event.name === 'changed')).toEqual([
      { name: 'changed', payload: { entities: ['value'], scorecardIds: null } },
    ]);
  });

  it('announces a workspace switch', async () => {
    const t = await withScorecard();
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    await t.call('workspace.close', {});
    expect(events).toEqual([{ name: 'workspace', payload: { path: null } }]);
  });
});

describe('server events: a backup restored in place', () => {
  it('announces that anything may have changed, since the same file holds other data', async () => {
    let now = new Date('2026-03-02T09:00:00.000Z');
    const t = makeBackend({ now: () => now });
    const path = join(t.dir, 'Acme.kpis');
    await t.call('workspace.create', { name: 'Acme', path });
    await t.call('workspace.close', {});
    now = new Date('2026-03-03T08:00:00.000Z');
    await t.call('workspace.open', { path });
    const [daily] = await t.call('backup.list', {});
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    await t.call('backup.restore', { id: daily?.id ?? '' });
    expect(events).toEqual([
      {
        name: 'changed',
        payload: {
          entities: ['workspace', 'scorecard', 'perspective', 'objective', 'kpi', 'value'],
          scorecardIds: null,
        },
      },
    ]);
  });
});

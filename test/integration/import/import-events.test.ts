import { describe, expect, it } from 'vitest';
import type { ServerEvent, ServerEvents } from '@shared/api/events';
import { SUMMARY_LIST_LIMIT } from '@shared/transfer/import-status';
import { withScorecard } from '../backend/helpers';
import { applyImport, dryRun, writeFile } from './helpers';

// An import is followed by what the backend pushes, not by polling: its phases (and progress)
// as `progress` events with the job's id, and — since the worker writes on its own connection,
// out of the dispatcher's sight — a `changed` for the values it wrote, once the workspace is
// back, so views that read again at once are not told BUSY.

describe('import events', () => {
  it('announces each phase of the job, then the values it wrote', async () => {
    const t = await withScorecard();
    const revenue = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const path = writeFile(
      t,
      'values.csv',
      'KPI,Period,Value\nRevenue,2026-01,10\nRevenue,2026-02,20\nNobody,2026-02,5\n',
    );
    const events: ServerEvent[] = [];
    const readsOnChange: Promise<unknown>[] = [];
    t.backend.subscribe((event) => {
      events.push(event);
      if (event.name === 'changed')
        readsOnChange.push(t.call('value.list', { kpiIds: [revenue.id] }));
    });

    const ready = await dryRun(t, path);
    const progress = () =>
      events.flatMap((event) => (event.name === 'progress' ? [event.payload] : []));
    expect(progress().every((p) => p.job === 'import' && p.id === ready.id)).toBe(true);
    expect(progress().at(-1)).toMatchObject({ phase: 'ready' });
    // Nothing is written by a dry run.
    expect(events.filter((event) => event.name === 'changed')).toEqual([]);

    await applyImport(t, ready.id);
    await expect.poll(() => progress().at(-1)?.phase).toBe('applied');
    const phases = progress().map((p) => p.phase);
    expect(phases.indexOf('applying')).toBeGreaterThan(phases.indexOf('ready'));
    const changed = events.filter(
      (event): event is { name: 'changed'; payload: ServerEvents['changed'] } =>
        event.name === 'changed',
    );
    expect(changed.map((event) => event.payload)).toEqual([
      { entities: ['value'], scorecardIds: [t.scorecard.id] },
    ]);
    const [values] = (await Promise.all(readsOnChange)) as { value: number }[][];
    expect(values?.map((value) => value.value).sort()).toEqual([10, 20]);
  });

  it('announces the scorecards of every KPI it wrote, past the KPIs the summary lists', async () => {
    const t = await withScorecard();
    const sales = await t.call('scorecard.create', { name: 'Sales' });
    const salesView = await t.call('scorecard.evaluate', { id: sales.id });
    const salesObjective = await t.call('objective.create', {
      perspectiveId: salesView.perspectives[0]?.perspective.id ?? '',
      name: 'Sell more',
    });
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const changedPayloads = () =>
      events.flatMap((event) => (event.name === 'changed' ? [event.payload] : []));
    // More KPIs than the summary lists (SUMMARY_LIST_LIMIT), created by the import itself.
    const names = Array.from({ length: SUMMARY_LIST_LIMIT }, (_, i) => `Region ${i}`);
    const created = writeFile(
      t,
      'regions.csv',
      `KPI,Period,Value\n${names.map((name, i) => `${name},2026-01,${i}`).join('\n')}\n`,
    );
    const first = await dryRun(t, created, {
      unknownKpis: { action: 'create', objectiveId: salesObjective.id, frequency: 'monthly' },
    });
    await applyImport(t, first.id);
    await expect.poll(() => changedPayloads().length).toBe(1);
    expect(changedPayloads()[0]?.scorecardIds).toEqual([sales.id]);
    expect([...(changedPayloads()[0]?.entities ?? [])].sort()).toEqual(['kpi', 'value']);

    // The last KPI of the file, on the other scorecard, is past the summary's list.
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Late' });
    const both = writeFile(
      t,
      'both.csv',
      `KPI,Period,Value\n${names.map((name, i) => `${name},2026-02,${i}`).join('\n')}\nLate,2026-02,5\n`,
    );
    const second = await dryRun(t, both);
    expect(second.summary?.perKpi).toHaveLength(SUMMARY_LIST_LIMIT);
    const before = changedPayloads().length;
    await applyImport(t, second.id);
    await expect.poll(() => changedPayloads().length).toBe(before + 1);
    expect(changedPayloads().at(-1)).toEqual({
      entities: ['value'],
      scorecardIds: [t.scorecard.id, sales.id].sort(),
    });
  });

  it('announces nothing changed when the same file is applied again', async () => {
    const t = await withScorecard();
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Revenue' });
    const path = writeFile(t, 'values.csv', 'KPI,Period,Value\nRevenue,2026-01,10\n');
    await applyImport(t, (await dryRun(t, path)).id);
    const events: ServerEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    const again = await dryRun(t, path);
    await applyImport(t, again.id);
    await expect
      .poll(() => events.some((e) => e.name === 'progress' && e.payload.phase === 'applied'))
      .toBe(true);
    expect(events.filter((event) => event.name === 'changed')).toEqual([]);
  });
});

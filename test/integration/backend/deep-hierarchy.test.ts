import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KpiPackage } from '@shared/transfer/package-schema';
import { makeBackend, withScorecard } from './helpers';

// KPI and scorecard hierarchies are at most 32 levels deep wherever they enter; a file with a
// deeper chain written by another program still evaluates (no recursion on the chain).

const DEEP = 2_000;

/** Adds KPI i + 1 under KPI i, `count` times, straight into the file. */
function writeChain(path: string, objectiveId: string, rootId: string, count: number): string {
  const db = new Database(path);
  const row = db.prepare('SELECT * FROM kpis WHERE id = ?').get(rootId) as Record<string, unknown>;
  const columns = Object.keys(row);
  const insert = db.prepare(
    `INSERT INTO kpis (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const value = db.prepare(
    "INSERT INTO kpi_values (kpi_id, period, value, entered_at) VALUES (?, '2026-01', ?, '2026-02-01')",
  );
  let parent = rootId;
  db.transaction(() => {
    for (let i = 1; i <= count; i += 1) {
      const id = randomUUID();
      insert.run({
        ...row,
        id,
        code: `chain_${i}`,
        name: `Chain ${i}`,
        parent_kpi_id: parent,
        objective_id: objectiveId,
        position: i,
      });
      parent = id;
    }
    value.run(parent, 7);
  })();
  db.close();
  return parent;
}

describe('depth of hierarchies', () => {
  it('refuses a KPI at level 33 through the API, naming it, and accepts level 32', async () => {
    const t = await withScorecard();
    let parent = (
      await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Level 1', rollup: 'sum' })
    ).id;
    for (let level = 2; level <= 32; level += 1)
      parent = (
        await t.call('kpi.create', {
          objectiveId: t.objective.id,
          name: `Level ${level}`,
          parentKpiId: parent,
          rollup: 'sum',
        })
      ).id;
    const error = await t.fail('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Level 33',
      parentKpiId: parent,
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'parentKpiId',
      message:
        'The KPI "Level 33" would be at level 33 of the KPI hierarchy; at most 32 levels are allowed.',
    });
    // Moving a KPI with one below it under level 31 would reach 33 as well.
    const top = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Top' });
    await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Below', parentKpiId: top.id });
    const level31 = (await t.call('kpi.list', {})).find((k) => k.name === 'Level 31');
    const moved = await t.fail('kpi.setParent', { id: top.id, parentKpiId: level31?.id ?? '' });
    expect(moved.message).toContain('would reach level 33');
    expect((await t.call('kpi.get', { id: top.id })).parentKpiId).toBeNull();
  });

  it('refuses a scorecard at level 33, on create and on move', async () => {
    const t = makeBackend();
    await t.call('workspace.create', { name: 'Deep', path: join(t.dir, 'Deep.kpis') });
    let parentId: string | null = null;
    for (let level = 1; level <= 32; level += 1)
      parentId = (await t.call('scorecard.create', { name: `Card ${level}`, parentId })).id;
    const error = await t.fail('scorecard.create', { name: 'Card 33', parentId });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(error.message).toBe(
      'The scorecard "Card 33" would be at level 33 of the scorecard hierarchy; at most 32 levels are allowed.',
    );
    const loose = await t.call('scorecard.create', { name: 'Loose', parentId: null });
    const moved = await t.fail('scorecard.update', { id: loose.id, parentId });
    expect(moved.field).toBe('parentId');
    expect((await t.call('scorecard.list', {})).length).toBe(33);
  });

  it('refuses a package whose KPIs form a 2,000-deep chain, importing nothing', async () => {
    const t = await withScorecard();
    const root = await t.call('kpi.create', { objectiveId: t.objective.id, name: 'Root' });
    const path = join(t.dir, 'deep.json');
    await t.call('export.package', { destination: { kind: 'file', path } });
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as KpiPackage;
    const template = pkg.kpis[0];
    if (!template) throw new Error('the package has no KPI');
    let parent = root.id;
    for (let i = 1; i <= DEEP; i += 1) {
      const id = randomUUID();
      pkg.kpis.push({
        ...template,
        id,
        code: `chain_${i}`,
        name: `Chain ${i}`,
        parentKpiId: parent,
      });
      parent = id;
    }
    writeFileSync(path, JSON.stringify(pkg));
    const other = makeBackend();
    const error = await other.fail('package.import', {
      path,
      into: 'new',
      workspacePath: join(other.dir, 'Imported.kpis'),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(
      'The KPI "Chain 32" would be at level 33 of the KPI hierarchy; at most 32 levels are allowed.',
    );
    expect(await other.call('workspace.current', {})).toBeNull();
  });

  it('evaluates a file with a 2,000-deep chain written directly, rolling the value up', async () => {
    const t = await withScorecard();
    const root = await t.call('kpi.create', {
      objectiveId: t.objective.id,
      name: 'Root',
      rollup: 'sum',
      target: 5,
    });
    await t.call('workspace.close', {});
    writeChain(t.workspace.path, t.objective.id, root.id, DEEP);
    await t.call('workspace.open', { path: t.workspace.path });
    const view = { frequency: 'month', basis: 'calendar' } as const;

    const grid = await t.call('scorecard.evaluate', {
      id: t.scorecard.id,
      view,
      period: '2026-01',
    });
    const rows = grid.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    expect(rows).toHaveLength(DEEP + 1);
    const rootRow = rows.find((row) => row.kpi.id === root.id);
    expect(rootRow?.evaluation).toMatchObject({
      value: 7,
      source: 'rolled_up',
      status: 'on_track',
    });

    const tree = await t.call('kpi.tree', { view, period: '2026-01' });
    expect(tree.nodes).toHaveLength(DEEP + 1);
    expect(tree.nodes.find((n) => n.kpi.id === root.id)?.evaluation.value).toBe(7);

    const report = await t.call('report.data', { period: '2026-01' });
    expect(report.hasData).toBe(true);
  }, 60_000);
});

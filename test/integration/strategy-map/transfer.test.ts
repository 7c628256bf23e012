import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessDefinitionColumns } from '@shared/transfer/definition-rows';
import type { KpiPackage } from '@shared/transfer/package-schema';
import { makeBackend, withScorecard } from '../backend/helpers';
import { writeFile } from '../import/helpers';
import { SHIPPED_SAMPLE } from '../transfer/export-helpers';

// The strategy map travels with the workspace: in a format 2 package (format 1 still reads)
// and from a KPI-definition sheet's "Supports" column.

const sentences = (
  links: { fromObjectiveId: string; toObjectiveId: string; label: string }[],
  names: Map<string, string>,
) =>
  links
    .map((l) => `${names.get(l.fromObjectiveId)} → ${names.get(l.toObjectiveId)}: ${l.label}`)
    .sort();

async function objectiveNames(t: ReturnType<typeof makeBackend>) {
  const names = new Map<string, string>();
  for (const card of await t.call('scorecard.list', {})) {
    const view = await t.call('scorecard.evaluate', { id: card.id });
    for (const p of view.perspectives)
      for (const o of p.objectives) names.set(o.objective.id, o.objective.name);
  }
  return names;
}

describe('the strategy map in packages', () => {
  it('round-trips links and dragged positions through a new workspace; format 1 still imports', async () => {
    const source = makeBackend({ samplePath: SHIPPED_SAMPLE });
    await source.call('workspace.openSample', {});
    const [company] = await source.call('scorecard.list', {});
    const links = await source.call('link.list', {});
    await source.call('strategyMap.setPositions', {
      scorecardId: company?.id ?? '',
      positions: [{ objectiveId: links[0]?.fromObjectiveId ?? '', x: 321, y: 654 }],
    });
    const path = join(source.dir, 'bakery.json');
    await source.call('export.package', { destination: { kind: 'file', path } });
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as KpiPackage;
    expect(pkg.formatVersion).toBe(2);
    expect(pkg.objectiveLinks).toHaveLength(links.length);

    const target = makeBackend();
    await target.call('package.import', {
      into: 'new',
      path,
      workspacePath: join(target.dir, 'Bakery.kpis'),
    });
    expect(sentences(await target.call('link.list', {}), await objectiveNames(target))).toEqual(
      sentences(links, await objectiveNames(source)),
    );
    const map = await target.call('strategyMap.get', { scorecardId: company?.id ?? '' });
    expect(map.positions).toEqual([
      expect.objectContaining({ objectiveId: links[0]?.fromObjectiveId, x: 321, y: 654 }),
    ]);

    // The same package as format 1 (before the map existed) imports, without links.
    const { objectiveLinks: _l, mapPositions: _p, ...rest } = pkg;
    const v1Path = join(source.dir, 'bakery-v1.json');
    writeFileSync(v1Path, JSON.stringify({ ...rest, formatVersion: 1 }));
    const older = makeBackend();
    const imported = await older.call('package.import', {
      into: 'new',
      path: v1Path,
      workspacePath: join(older.dir, 'Old.kpis'),
    });
    expect(imported.kpis).toBe(pkg.kpis.length);
    expect(await older.call('link.list', {})).toEqual([]);
  });

  it('a scorecard package keeps the links inside it and drops those leaving it', async () => {
    const source = makeBackend({ samplePath: SHIPPED_SAMPLE });
    await source.call('workspace.openSample', {});
    const cards = await source.call('scorecard.list', {});
    const wholesale = cards.find((c) => c.name === 'Wholesale');
    const path = join(source.dir, 'wholesale.json');
    await source.call('export.package', {
      scorecardId: wholesale?.id ?? '',
      destination: { kind: 'file', path },
    });
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as KpiPackage;
    const inside = new Set(pkg.objectives.map((o) => o.id));
    expect(pkg.objectiveLinks?.length).toBeGreaterThanOrEqual(0);
    for (const link of pkg.objectiveLinks ?? []) {
      expect(inside.has(link.fromObjectiveId)).toBe(true);
      expect(inside.has(link.toObjectiveId)).toBe(true);
    }
    // The company's "Bake on time" → Wholesale's "Reliable for our shops" leaves the package.
    const all = await source.call('link.list', {});
    const crossing = all.filter(
      (l) => inside.has(l.toObjectiveId) && !inside.has(l.fromObjectiveId),
    );
    expect(crossing.length).toBeGreaterThan(0);
  });
});

describe('the "Supports" column of a KPI-definition import', () => {
  it('links each row’s objective to the one it supports; bad names are row problems; twice adds nothing', async () => {
    const t = await withScorecard();
    const csv =
      'KPI,Perspective,Objective,Supports\n' +
      'On-time batches,Internal Process,Bake on time,Delight our guests\n' +
      'Guest score,Customer,Delight our guests,Grow revenue\n' +
      'Ghost,Customer,Delight our guests,Conquer the moon\n' +
      'Loop,Customer,Delight our guests,Delight our guests\n';
    const path = writeFile(t, 'definitions.csv', csv);
    const preview = await t.call('import.inspect', { path, locale: 'en-GB' });
    const columns = guessDefinitionColumns(preview.rows[0]?.cells ?? []);
    expect(columns.supports).toBe(3);
    const params = {
      path,
      sheet: null,
      format: preview.format,
      headerLine: 1,
      columns,
      numberLocale: 'en-GB',
      scorecardId: t.scorecard.id,
    };
    const dry = await t.call('import.definitions', { ...params, apply: false });
    expect(dry.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'line 4, column 4: the objective "Conquer the moon" in the Supports column is not in this workspace; the link was left out',
      'line 5, column 4: “Delight our guests” cannot drive itself: a link joins two different objectives; the link was left out',
    ]);
    expect(await t.call('link.list', {})).toEqual([]);

    const done = await t.call('import.definitions', { ...params, apply: true });
    expect(done).toMatchObject({ applied: true, created: 4, links: 2, problemCount: 2 });
    const names = await objectiveNames(t);
    expect(sentences(await t.call('link.list', {}), names)).toEqual([
      'Bake on time → Delight our guests: ',
      'Delight our guests → Grow revenue: ',
    ]);
    // A row whose link cannot be made still brings its KPI; only the link is left out.
    expect((await t.call('kpi.list', {})).map((k) => k.name).sort()).toEqual([
      'Ghost',
      'Guest score',
      'Loop',
      'On-time batches',
    ]);
    const again = await t.call('import.definitions', { ...params, apply: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, links: 0 });
    expect(await t.call('link.list', {})).toHaveLength(2);
  });
});

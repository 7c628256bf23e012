import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  depthFirst,
  hierarchyDepthProblem,
  levelsOf,
  MAX_HIERARCHY_DEPTH,
} from '@shared/domain/hierarchy';
import { evaluateStructure } from '@shared/scoring/evaluate-structure';

// Trees as parent arrays: node i's parent is one of the nodes before it, or none.
const forest = fc.array(fc.nat(), { maxLength: 60 }).map((picks) =>
  picks.map((pick, i) => ({
    id: `n${i}`,
    name: `Node ${i}`,
    parentId: i === 0 || pick % 3 === 0 ? null : `n${pick % i}`,
  })),
);

function recursiveLevels(nodes: { id: string; parentId: string | null }[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const level = (id: string): number => {
    const parent = byId.get(id)?.parentId ?? null;
    return parent === null ? 1 : level(parent) + 1;
  };
  return new Map(nodes.map((n) => [n.id, level(n.id)]));
}

describe('hierarchies', () => {
  it('gives every node the level a recursive walk would, and depth-first visits each once', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        expect(levelsOf(nodes)).toEqual(recursiveLevels(nodes));
        const children = (id: string | null) => nodes.filter((n) => n.parentId === id);
        const order = depthFirst(
          children(null),
          (n) => children(n.id),
          (n) => n.id,
        );
        expect(order.map((o) => o.item.id).sort()).toEqual(nodes.map((n) => n.id).sort());
        const levels = levelsOf(nodes);
        for (const { item, depth } of order) expect(depth + 1).toBe(levels.get(item.id));
        // Pre-order: a node comes after its parent.
        const at = new Map(order.map((o, i) => [o.item.id, i]));
        for (const n of nodes)
          if (n.parentId !== null)
            expect(at.get(n.id) ?? -1).toBeGreaterThan(at.get(n.parentId) ?? Infinity);
      }),
    );
  });

  it('names the first node past the limit, and walks a 100,000-deep chain without recursion', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => ({
      id: `k${i}`,
      name: `KPI ${i + 1}`,
      parentId: i === 0 ? null : `k${i - 1}`,
    }));
    expect(hierarchyDepthProblem('KPI', chain.slice(0, MAX_HIERARCHY_DEPTH))).toBeNull();
    expect(hierarchyDepthProblem('KPI', chain)).toBe(
      'The KPI "KPI 33" would be at level 33 of the KPI hierarchy; at most 32 levels are allowed.',
    );
    expect(levelsOf(chain).get('k99999')).toBe(100_000);
    const loop = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
    ];
    expect(levelsOf(loop).size).toBe(2);
  });

  it('cascades scores through a 20,000-deep chain of scorecards', () => {
    const scorecards = Array.from({ length: 20_000 }, (_, i) => ({
      id: `s${i}`,
      parentId: i === 0 ? null : `s${i - 1}`,
    }));
    const scores = evaluateStructure({
      kpis: [],
      objectives: [],
      perspectives: [],
      scorecards,
      evaluations: new Map(),
    });
    expect(scores.cascaded.size).toBe(20_000);
    expect(scores.cascaded.get('s0')?.status).toBe('no_data');
  });
});

// KPI and scorecard hierarchies are trees of bounded depth. Real ones are a handful of levels
// (company → division → department → team; a KPI broken down by region, then by branch); 32
// leaves ample room for any organisation while keeping the indented report and the keyboard
// tree usable, and it bounds every walk over a hierarchy. The limit is checked wherever a
// parent link enters (the API, packages); walks are iterative all the same, so a file with a
// deeper chain written by another program still opens and evaluates.
export const MAX_HIERARCHY_DEPTH = 32;

export type HierarchyKind = 'KPI' | 'scorecard';

export interface HierarchyNode {
  id: string;
  parentId: string | null;
  name: string;
}

export function depthMessage(kind: HierarchyKind, name: string, level: number): string {
  return `The ${kind} "${name}" would be at level ${level} of the ${kind} hierarchy; at most ${MAX_HIERARCHY_DEPTH} levels are allowed.`;
}

/**
 * Each node's level (a root is level 1), without recursion. A parent that is not among `nodes`
 * makes a root; a loop (refused elsewhere) counts its nodes once and stops.
 */
export function levelsOf(nodes: readonly HierarchyNode[]): Map<string, number> {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const levels = new Map<string, number>();
  for (const node of nodes) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null = node.id;
    let base = 0;
    while (at !== null && parentOf.has(at) && !onPath.has(at)) {
      const known = levels.get(at);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(at);
      onPath.add(at);
      at = parentOf.get(at) ?? null;
    }
    for (let i = path.length - 1; i >= 0; i -= 1)
      levels.set(path[i] as string, base + path.length - i);
  }
  return levels;
}

/** The first node deeper than MAX_HIERARCHY_DEPTH, as a message naming it; null when none is. */
export function hierarchyDepthProblem(
  kind: HierarchyKind,
  nodes: readonly HierarchyNode[],
): string | null {
  const levels = levelsOf(nodes);
  for (const node of nodes) {
    const level = levels.get(node.id) ?? 1;
    if (level > MAX_HIERARCHY_DEPTH) return depthMessage(kind, node.name, level);
  }
  return null;
}

/**
 * Depth-first, pre-order (each item followed by its descendants, siblings in the order given),
 * with an explicit stack instead of recursion; an item met twice (a loop) is not visited again.
 */
export function depthFirst<T>(
  roots: readonly T[],
  childrenOf: (item: T) => readonly T[],
  key: (item: T) => string,
): { item: T; depth: number }[] {
  const result: { item: T; depth: number }[] = [];
  const seen = new Set<string>();
  const stack = [...roots].reverse().map((item) => ({ item, depth: 0 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const k = key(top.item);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(top);
    const kids = childrenOf(top.item);
    for (let i = kids.length - 1; i >= 0; i -= 1)
      stack.push({ item: kids[i] as T, depth: top.depth + 1 });
  }
  return result;
}

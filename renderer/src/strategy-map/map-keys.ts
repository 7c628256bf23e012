import type { PlacedNode } from '@shared/strategy-map/layout';

// Moving between objectives with the arrow keys: Left/Right to the neighbour in the same band,
// Up/Down to the nearest objective in the band above or below, Home/End to the first and last.

export function nextNode(
  nodes: readonly PlacedNode[],
  currentId: string | null,
  key: string,
): string | null {
  const current = nodes.find((n) => n.objectiveId === currentId);
  const byReading = [...nodes].sort((a, b) => a.y - b.y || a.x - b.x);
  if (key === 'Home') return byReading[0]?.objectiveId ?? null;
  if (key === 'End') return byReading.at(-1)?.objectiveId ?? null;
  if (!current) return byReading[0]?.objectiveId ?? null;
  const sameRow = (n: PlacedNode) => Math.abs(n.y - current.y) < 1;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const row = nodes.filter(sameRow).sort((a, b) => a.x - b.x);
    const index = row.indexOf(current) + (key === 'ArrowRight' ? 1 : -1);
    return row[index]?.objectiveId ?? current.objectiveId;
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const rows = [...new Set(nodes.map((n) => n.y))].sort((a, b) => a - b);
    // Dragged nodes sit anywhere inside their band: rows are grouped by the y they have.
    const here = rows.findIndex((y) => Math.abs(y - current.y) < 1);
    const target = rows[here + (key === 'ArrowDown' ? 1 : -1)];
    if (target === undefined) return current.objectiveId;
    const row = nodes.filter((n) => Math.abs(n.y - target) < 1);
    const nearest = row.reduce<PlacedNode | null>(
      (best, n) => (!best || Math.abs(n.x - current.x) < Math.abs(best.x - current.x) ? n : best),
      null,
    );
    return nearest?.objectiveId ?? current.objectiveId;
  }
  return null;
}

import * as dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { arrowPath, fitScale } from '@shared/strategy-map/geometry';
import {
  BAND_HEIGHT,
  bandTop,
  gridGeometry,
  layoutStrategyMap,
  layoutWith,
  NODE_WIDTH,
  type LayoutInput,
} from '@shared/strategy-map/layout';

// The layout keeps every objective in its band, never overlaps two in one band, keeps what
// the user dragged, and untangles crossing arrows.

const bands = ['Financial', 'Customer', 'Process'].map((name) => ({ name, perspectiveId: name }));

function crossed(): LayoutInput {
  // Two chains drawn crosswise by their own order: a2 → b1 and a1 → b2 cross side by side.
  return {
    bands,
    nodes: [
      { objectiveId: 'f1', band: 0 },
      { objectiveId: 'f2', band: 0 },
      { objectiveId: 'c1', band: 1 },
      { objectiveId: 'c2', band: 1 },
      { objectiveId: 'p1', band: 2 },
      { objectiveId: 'p2', band: 2 },
    ],
    links: [
      { fromObjectiveId: 'p1', toObjectiveId: 'c2' },
      { fromObjectiveId: 'p2', toObjectiveId: 'c1' },
      { fromObjectiveId: 'c2', toObjectiveId: 'f1' },
      { fromObjectiveId: 'c1', toObjectiveId: 'f2' },
      { fromObjectiveId: 'f2', toObjectiveId: 'p2' },
      { fromObjectiveId: 'c1', toObjectiveId: 'c2' },
    ],
    positions: [],
  };
}

/** Pairs of straight arrows between two bands that cross. */
function crossings(geometry: ReturnType<typeof gridGeometry>, input: LayoutInput): number {
  const x = new Map(geometry.nodes.map((n) => [n.objectiveId, n.x]));
  const pairs = input.links.map((l) => [
    x.get(l.fromObjectiveId) ?? 0,
    x.get(l.toObjectiveId) ?? 0,
  ]);
  let count = 0;
  for (let i = 0; i < pairs.length; i += 1)
    for (let j = i + 1; j < pairs.length; j += 1) {
      const [a1 = 0, a2 = 0] = pairs[i] ?? [];
      const [b1 = 0, b2 = 0] = pairs[j] ?? [];
      if ((a1 - b1) * (a2 - b2) < 0) count += 1;
    }
  return count;
}

describe('strategy map layout', () => {
  it('puts each objective in the middle of its band, without overlaps', async () => {
    const geometry = await layoutStrategyMap(crossed());
    for (const node of geometry.nodes) {
      const band = crossed().nodes.find((n) => n.objectiveId === node.objectiveId)?.band ?? -1;
      expect(node.y).toBe(bandTop(band) + BAND_HEIGHT / 2);
    }
    for (const band of [0, 1, 2]) {
      const xs = geometry.nodes
        .filter((n) => n.y === bandTop(band) + BAND_HEIGHT / 2)
        .map((n) => n.x)
        .sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i += 1)
        expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(NODE_WIDTH);
    }
    expect(geometry.bands.map((b) => b.name)).toEqual(['Financial', 'Customer', 'Process']);
  });

  it('orders objectives so arrows that cross in their own order do not', () => {
    const input: LayoutInput = {
      bands,
      nodes: ['f1', 'f2', 'f3', 'c1', 'c2', 'c3'].map((id) => ({
        objectiveId: id,
        band: id.startsWith('f') ? 0 : 1,
      })),
      links: [
        { fromObjectiveId: 'c1', toObjectiveId: 'f3' },
        { fromObjectiveId: 'c2', toObjectiveId: 'f2' },
        { fromObjectiveId: 'c3', toObjectiveId: 'f1' },
      ],
      positions: [],
    };
    expect(crossings(gridGeometry(input), input)).toBe(3);
    expect(crossings(layoutWith(dagre, input), input)).toBe(0);
  });

  it('keeps a dragged objective where it was dropped, held inside its band', () => {
    const input = { ...crossed(), positions: [{ objectiveId: 'c1', x: 900, y: -500 }] };
    const node = layoutWith(dagre, input).nodes.find((n) => n.objectiveId === 'c1');
    expect(node?.x).toBe(900);
    expect(node?.y).toBeGreaterThan(bandTop(1));
    expect(node?.y).toBeLessThan(bandTop(2));
  });

  it('draws arrows from the facing sides and fits a map into a box', () => {
    const up = arrowPath(
      { objectiveId: 'a', x: 100, y: 400 },
      { objectiveId: 'b', x: 300, y: 100 },
    );
    expect(up.d.startsWith('M 100 362')).toBe(true);
    expect(up.d.endsWith('300 138')).toBe(true);
    expect(fitScale({ width: 2000, height: 500 }, { width: 1000, height: 1000 })).toBe(0.5);
    expect(fitScale({ width: 200, height: 100 }, { width: 1000, height: 1000 })).toBe(1);
  });
});

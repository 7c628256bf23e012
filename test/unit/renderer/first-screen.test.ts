import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PerspectiveRows } from '@shared/domain/evaluation';
import {
  objectiveHeight,
  objectivesBelowFirstScreen,
} from '../../../renderer/src/scorecard/first-screen';

// A large scorecard draws the objectives within its first screen's reach with it, and stands in
// for the others until each is drawn (renderer/src/scorecard/first-screen.ts).

/** Perspectives of objectives with these KPI counts; only ids and KPI counts are read. */
function scorecard(shape: number[][]): PerspectiveRows[] {
  return shape.map(
    (objectives, p) =>
      ({
        perspective: { id: `p${String(p)}` },
        objectives: objectives.map((kpis, o) => ({
          objective: { id: `p${String(p)}o${String(o)}` },
          kpis: Array.from({ length: kpis }, () => ({})),
        })),
      }) as unknown as PerspectiveRows,
  );
}

const shapes = fc.array(fc.array(fc.nat({ max: 300 }), { maxLength: 8 }), { maxLength: 6 });

describe('the objectives below the first screen', () => {
  it('are the last objectives in page order, each starting beyond the reach', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 200, max: 3000 }), (shape, windowHeight) => {
        const perspectives = scorecard(shape);
        const below = objectivesBelowFirstScreen(perspectives, windowHeight);
        const inOrder = perspectives.flatMap((p) => p.objectives.map((o) => o.objective.id));
        // Once one objective is below, every one after it is: the list is the page's tail.
        expect(below).toEqual(inOrder.slice(inOrder.length - below.length));
        // Every objective left with the first screen starts within its reach (the window and
        // 800 px), by the estimated heights of what stands above it.
        const drawn = inOrder.length - below.length;
        let top = 0;
        let seen = 0;
        for (const { objectives } of perspectives) {
          top += 60;
          for (const { kpis } of objectives) {
            if (seen < drawn) expect(top).toBeLessThanOrEqual(windowHeight + 800);
            else expect(top).toBeGreaterThan(windowHeight + 800);
            top += objectiveHeight(kpis.length);
            seen += 1;
          }
        }
      }),
    );
  });

  it('are none for a scorecard that fits within the reach', () => {
    expect(objectivesBelowFirstScreen(scorecard([[3, 4], [2]]), 800)).toEqual([]);
  });
});

import type { PerspectiveRows } from '@shared/domain/evaluation';
import { ROW_ESTIMATE } from './KpiRows';

// A large scorecard draws the objectives of its first screen first, and the others just after
// (a transition React may interrupt), each standing in meanwhile as an empty block of about its
// height, so the page keeps about its length (and its scrollbar) meanwhile. Drawing every
// objective of the 500-KPI scorecard with its first screen kept that screen waiting about 30 ms
// for twenty tables' headings no one could see yet (issue 19).

/** About the height of an objective's heading and its table's header, in pixels. */
const OBJECTIVE_HEAD = 90;
/** About the height of a perspective's heading, in pixels. */
const PERSPECTIVE_HEAD = 60;
/** How far below the window the first drawing reaches, in pixels: what stands above the
 * perspectives (the scorecard's heading, its period and filter) and a margin. */
const BEYOND_WINDOW = 800;

/** About the height of an objective with `kpiCount` KPIs (its rows at their usual height). */
export function objectiveHeight(kpiCount: number): number {
  return OBJECTIVE_HEAD + kpiCount * ROW_ESTIMATE;
}

/** The objectives that start below the first screen's reach, by estimated heights. */
export function objectivesBelowFirstScreen(
  perspectives: readonly PerspectiveRows[],
  windowHeight: number,
): ReadonlySet<string> {
  const reach = windowHeight + BEYOND_WINDOW;
  const below = new Set<string>();
  let top = 0;
  for (const { objectives } of perspectives) {
    top += PERSPECTIVE_HEAD;
    for (const { objective, kpis } of objectives) {
      if (top > reach) below.add(objective.id);
      top += objectiveHeight(kpis.length);
    }
  }
  return below;
}

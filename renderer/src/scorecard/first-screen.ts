import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PerspectiveRows } from '@shared/domain/evaluation';
import { ROW_ESTIMATE } from './KpiRows';

// A large scorecard draws the objectives of its first screen with it; each other stands in as
// its heading over an empty block of about its height, so the page keeps about its length (and
// its scrollbar), until it is drawn (issue 19):
// - as it comes near the window (LaterObjective.tsx), as a person scrolls to it;
// - all at once, before a Tab key moves the focus, so the keyboard walks every control in order;
// - otherwise a few at a time once the page has been quiet for a while.
// Drawing the twenty tables at once just after the first screen held the page's main thread
// about 25 ms more in the moments after it showed, when a first click or key is likely.

/** About the height of an objective's heading and its table's header, in pixels. */
const OBJECTIVE_HEAD = 90;
/** About the height of a perspective's heading, in pixels. */
const PERSPECTIVE_HEAD = 60;
/** How far below the window the first drawing reaches, in pixels: what stands above the
 * perspectives (the scorecard's heading, its period and filter) and a margin. */
const BEYOND_WINDOW = 800;
/** How long after the first screen the objectives not yet drawn begin to be drawn anyway. */
const QUIET_MS = 1000;
/** Objectives drawn in each of those steps, each when the page is idle. */
const LATER_STEP = 4;

const NONE: readonly string[] = [];
const NONE_DRAWN: ReadonlySet<string> = new Set();

/** About the height of an objective with `kpiCount` KPIs (its rows at their usual height). */
export function objectiveHeight(kpiCount: number): number {
  return OBJECTIVE_HEAD + kpiCount * ROW_ESTIMATE;
}

/** The objectives that start below the first screen's reach, by estimated heights, in the
 * page's order. */
export function objectivesBelowFirstScreen(
  perspectives: readonly PerspectiveRows[],
  windowHeight: number,
): readonly string[] {
  const reach = windowHeight + BEYOND_WINDOW;
  const below: string[] = [];
  let top = 0;
  for (const { objectives } of perspectives) {
    top += PERSPECTIVE_HEAD;
    for (const { objective, kpis } of objectives) {
      if (top > reach) below.push(objective.id);
      top += objectiveHeight(kpis.length);
    }
  }
  return below;
}

export interface DrawnLater {
  /** The objectives not drawn yet. */
  later: ReadonlySet<string>;
  /** Draws one (it has come near the window). */
  draw(objectiveId: string): void;
  /** Draws them all now (before scrolling to one, say). */
  drawAll(): void;
}

/** Which of a scorecard's objectives are not drawn yet: for a `large` one, those below the
 * first screen until each is drawn; otherwise none. */
export function useObjectivesDrawnLater(
  perspectives: readonly PerspectiveRows[],
  large: boolean,
): DrawnLater {
  const [complete, setComplete] = useState(!large);
  const [drawn, setDrawn] = useState(NONE_DRAWN);
  const below = useMemo(
    () => (complete ? NONE : objectivesBelowFirstScreen(perspectives, window.innerHeight)),
    [complete, perspectives],
  );
  const later = useMemo(() => new Set(below.filter((id) => !drawn.has(id))), [below, drawn]);
  const draw = useCallback((objectiveId: string) => {
    startTransition(() => setDrawn((current) => new Set(current).add(objectiveId)));
  }, []);
  const drawAll = useCallback(() => setComplete(true), []);
  const waiting = later.size > 0;

  useEffect(() => {
    if (!waiting) return;
    // In a keydown listener, before the browser moves the focus.
    const beforeTab = (event: KeyboardEvent) => {
      if (event.key === 'Tab') flushSync(() => setComplete(true));
    };
    document.addEventListener('keydown', beforeTab, true);
    return () => document.removeEventListener('keydown', beforeTab, true);
  }, [waiting]);

  // The quiet steps: the first after QUIET_MS, each next when the one before has been drawn.
  const [quiet, setQuiet] = useState(false);
  useEffect(() => {
    if (!waiting || quiet) return;
    const timer = setTimeout(() => setQuiet(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, [waiting, quiet]);
  useEffect(() => {
    if (!quiet || !waiting) return;
    const idle = requestIdleCallback(() => {
      const next = [...later].slice(0, LATER_STEP);
      startTransition(() => setDrawn((current) => new Set([...current, ...next])));
    });
    return () => cancelIdleCallback(idle);
  }, [quiet, waiting, later]);

  // Once complete, `below` is empty and so is `later`.
  return { later, draw, drawAll };
}

// One scroll listener for every virtualised KPI table (KpiRows.tsx): the window's offset is read
// once an animation frame and handed to each table, rather than each table listening and
// reading it itself on every scroll event (a page of 20 tables did 20 times the work a frame).

type OffsetListener = (offset: number, isScrolling: boolean) => void;

const listeners = new Set<OffsetListener>();
let frame: number | null = null;

function broadcast(): void {
  frame = null;
  const offset = window.scrollY;
  // Never "scrolling": the tables re-render when their rows change, not when scrolling starts
  // and stops (which would re-render every table twice a fling for nothing).
  for (const listener of listeners) listener(offset, false);
}

function onScroll(): void {
  frame ??= requestAnimationFrame(broadcast);
}

/** A virtualizer's `observeElementOffset` for the window, shared by every table. */
export function observeWindowOffsetShared(
  _instance: unknown,
  listener: OffsetListener,
): () => void {
  if (listeners.size === 0) window.addEventListener('scroll', onScroll, { passive: true });
  listeners.add(listener);
  listener(window.scrollY, false);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('scroll', onScroll);
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  };
}

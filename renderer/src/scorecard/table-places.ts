// Where each virtualised KPI table's body starts in the page (KpiRows.tsx), kept by one
// observer for every table: anything above a table (another table's rows as they are
// measured, a notice) moves it, and every such change resizes the page's body. Each table
// watching the body itself read its own place in its own callback, each read after the others'
// state changes: about 640 layouts in a 100-frame scroll of a 20-table page. Here one callback
// reads every table's place (one layout), then hands each table its own.

type Placed = (top: number) => void;

const tables = new Map<Element, Placed>();
let observer: ResizeObserver | null = null;

/** The element's top in the page, in whole pixels. */
function topOf(element: Element): number {
  return Math.round(element.getBoundingClientRect().top + window.scrollY);
}

function placeAll(): void {
  // Every read before any table hears of it: the reads share one layout.
  const tops = [...tables].map(([element, placed]) => [topOf(element), placed] as const);
  for (const [top, placed] of tops) placed(top);
}

/**
 * Tells `placed` where `element` starts in the page, now and whenever the page's body is
 * resized; returns the function that stops it.
 */
export function observeTablePlace(element: Element, placed: Placed): () => void {
  tables.set(element, placed);
  placed(topOf(element));
  if (!observer) {
    observer = new ResizeObserver(placeAll);
    observer.observe(document.body);
  }
  return () => {
    tables.delete(element);
    if (tables.size > 0 || !observer) return;
    observer.disconnect();
    observer = null;
  };
}

// A reload comes back to where the page was scrolled. Chromium restores the scroll position
// itself only while the page's first load is going on, and a scorecard's rows come after it (its
// evaluation, then its objectives drawn below the first screen, then the rows on screen), so a
// reload of a long scorecard came back at its top. The position is kept with the page's address
// (its view) when the page is left, and put back each time the page grows or shifts until it
// holds, the user scrolls or types, or a few seconds have passed.

const KEY = 'kpis.scroll';
const GIVE_UP_MS = 3000;
const USER_INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

interface Kept {
  address: string;
  y: number;
}

function address(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

function read(): Kept | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { address, y } = value as Record<string, unknown>;
    return typeof address === 'string' && typeof y === 'number' && y > 0 ? { address, y } : null;
  } catch {
    return null;
  }
}

export function keepScrollAcrossReloads(): void {
  history.scrollRestoration = 'manual';
  // The position as of the last scroll: read in pagehide, window.scrollY forced a layout of the
  // page being left (about 13 ms of each reload of the 500-KPI scorecard, in a trace).
  let y = 0;
  window.addEventListener(
    'scroll',
    () => {
      y = window.scrollY;
    },
    { passive: true },
  );
  window.addEventListener('pagehide', () => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ address: address(), y }));
    } catch {
      // Storage refused: the reload starts at the top, as it did before.
    }
  });
  const kept = read();
  if (!kept || kept.address !== address()) return;
  const restore = () => {
    const room = document.documentElement.scrollHeight - window.innerHeight;
    if (room >= kept.y && Math.abs(window.scrollY - kept.y) > 1) window.scrollTo(0, kept.y);
  };
  const observer = new ResizeObserver(restore);
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of USER_INPUT) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, GIVE_UP_MS);
  for (const type of USER_INPUT)
    window.addEventListener(type, stop, { capture: true, passive: true });
}

// Tells when an element comes near the window, for the objectives a large scorecard draws as
// they are scrolled to (first-screen.ts): one observer for them all.

/** How near: half a window's height above or below it. */
const NEAR = '50% 0px';

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function heard(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const near = waiting.get(entry.target);
    stop(entry.target);
    near?.();
  }
}

function stop(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
  if (waiting.size > 0 || !observer) return;
  observer.disconnect();
  observer = null;
}

/** Calls `near` once, when `element` first comes near the window; returns the function that
 * stops waiting. */
export function whenNearWindow(element: Element, near: () => void): () => void {
  observer ??= new IntersectionObserver(heard, { rootMargin: NEAR });
  waiting.set(element, near);
  observer.observe(element);
  return () => stop(element);
}

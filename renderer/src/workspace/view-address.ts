// The workspace's view is kept in the page's address (`#view=map`), so a reload stays on the
// view the user was looking at, as a reloaded web page does, instead of going back to the
// Dashboard. Opening a workspace, or starting the app from its printed address, still starts
// on the Dashboard (issue 17), which is why the Dashboard leaves the address bare. Replaced,
// not pushed: switching views adds no history entries for Back to walk through.

const PARAM = 'view';

/** The view a URL fragment names (`#view=…`, among any other `&`-joined fields) if it is one of `views`. */
function viewInFragment<View extends string>(
  fragment: string,
  views: readonly View[],
): View | null {
  const named = new URLSearchParams(fragment.replace(/^#/, '')).get(PARAM);
  return views.find((view) => view === named) ?? null;
}

/** The fragment that names `view`, or none for the view a workspace opens on. */
function fragmentFor(view: string, opening: string): string {
  return view === opening ? '' : `#${PARAM}=${encodeURIComponent(view)}`;
}

/** The view this page's address names, if any. */
export function viewInAddress<View extends string>(views: readonly View[]): View | null {
  return viewInFragment(window.location.hash, views);
}

/** Puts `view` in the address bar without a navigation or a history entry. */
export function showViewInAddress(view: string, opening: string): void {
  const { pathname, search, hash } = window.location;
  const fragment = fragmentFor(view, opening);
  if (fragment === hash) return;
  history.replaceState(history.state, '', pathname + search + fragment);
}

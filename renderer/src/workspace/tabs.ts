import { viewInAddress } from './view-address';

// The workspace screen's views, and which one a page opens on: kept apart from the screen so
// the page's first reads (app/early-reads.ts) can tell, before the screen's code has run,
// whether the Dashboard is what the first screen shows.

export const TABS = [
  'dashboard',
  'scorecard',
  'map',
  'hierarchy',
  'values',
  'health',
  'audit',
] as const;
export type Tab = (typeof TABS)[number];

/** A workspace opens on what needs attention now (issue 17 point 5). */
export const OPENING_TAB: Tab = 'dashboard';

/** The view this page opens on: the one its address names, else the opening one. */
export function tabInAddress(): Tab {
  return viewInAddress(TABS) ?? OPENING_TAB;
}

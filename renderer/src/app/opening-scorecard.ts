// Which scorecard the open workspace showed first on its last load, so that the next load (a
// reload, or the desktop app started again) asks for its evaluation with the page's first
// reads instead of a round trip later, once the scorecard list has come (issue 19). Only a
// guess: the first reads drop it when the workspace or its first scorecard is another.
// localStorage, as it outlives the window; a page that cannot use it just asks later.

const KEY = 'kpis.opening-scorecard';

export interface OpeningScorecard {
  /** The workspace file. */
  path: string;
  id: string;
}

export function rememberedOpening(): OpeningScorecard | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { path, id } = value as Record<string, unknown>;
    return typeof path === 'string' && typeof id === 'string' ? { path, id } : null;
  } catch {
    return null;
  }
}

export function rememberOpening(opening: OpeningScorecard): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(opening));
  } catch {
    // Storage full or refused: the next load asks after the list, as it did before.
  }
}

import type { LibraryDepartment, SuggestedPerspective } from './departments';
import type { LibraryKpi } from './schema';

// Browsing the library: by department and perspective, and a search that finds a KPI by any
// word of its name, code, description or formula ("churn", "cac", "tickets"), whatever the
// case or accents.

export interface LibraryFilter {
  department: LibraryDepartment | null;
  perspective: SuggestedPerspective | null;
  query: string;
}

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase();

export function filterLibrary(kpis: readonly LibraryKpi[], filter: LibraryFilter): LibraryKpi[] {
  const words = fold(filter.query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  return kpis.filter((kpi) => {
    if (filter.department !== null && kpi.department !== filter.department) return false;
    if (filter.perspective !== null && kpi.perspective !== filter.perspective) return false;
    const haystack = fold(`${kpi.name} ${kpi.code} ${kpi.description} ${kpi.formula ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

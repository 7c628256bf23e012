import type { Frequency, UnitFormat } from '../domain/kpi';
import { closestName } from '../text/similar';

// Which KPI a name in a file means: the exact name or identifier, then the same ignoring case
// and spacing ("net  profit margin" is "Net profit margin"), else unknown with a "did you
// mean". Two KPIs whose names differ only in case make that loose name ambiguous, never a guess.

export interface MatchableKpi {
  id: string;
  name: string;
  code: string;
  frequency: Frequency;
  unitFormat: UnitFormat;
  formula: string | null;
}

export type KpiMatch<K extends MatchableKpi = MatchableKpi> =
  | { kind: 'found'; kpi: K }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'unknown'; suggestion: string | null };

export function looseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

export class KpiMatcher<K extends MatchableKpi = MatchableKpi> {
  private readonly exact = new Map<string, K>();
  private readonly loose = new Map<string, K[]>();
  private readonly names: string[];
  private readonly cache = new Map<string, KpiMatch<K>>();

  constructor(kpis: readonly K[]) {
    for (const kpi of kpis) {
      this.exact.set(kpi.name, kpi);
      for (const key of new Set([looseName(kpi.name), looseName(kpi.code)])) {
        const list = this.loose.get(key) ?? [];
        if (!list.includes(kpi)) list.push(kpi);
        this.loose.set(key, list);
      }
    }
    this.names = kpis.map((kpi) => kpi.name);
  }

  match(text: string): KpiMatch<K> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const result = this.resolve(text);
    // A file repeats the same few thousand names; remembering them keeps matching O(1).
    if (this.cache.size < 100_000) this.cache.set(text, result);
    return result;
  }

  private resolve(text: string): KpiMatch<K> {
    const exact = this.exact.get(text) ?? this.exact.get(text.trim());
    if (exact) return { kind: 'found', kpi: exact };
    const candidates = this.loose.get(looseName(text)) ?? [];
    if (candidates.length === 1) return { kind: 'found', kpi: candidates[0] as K };
    if (candidates.length > 1)
      return { kind: 'ambiguous', names: candidates.map((kpi) => kpi.name) };
    return { kind: 'unknown', suggestion: closestName(text.trim(), this.names) };
  }
}

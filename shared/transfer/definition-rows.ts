import type { Unit } from '../domain/entities';
import type { Direction, Frequency } from '../domain/kpi';
import { parseLocaleNumber } from '../parse/number';
import { cellText, describeCell, isBlankRow, type SourceLocation, type SourceRow } from './table';

// KPI definitions from a spreadsheet, one row per KPI: name, perspective, objective, unit,
// direction, frequency, target, owner, and the objective that the KPI's objective supports (a
// link on the strategy map: "Bake on time" supports "Delight our guests") — written the way people write them ("%", "EUR",
// "higher is better", "quarterly"). Each row becomes a definition or the reason it cannot.

export const DEFINITION_FIELDS = [
  'name',
  'perspective',
  'objective',
  'unit',
  'direction',
  'frequency',
  'target',
  'owner',
  'supports',
] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];

/** Which column holds each field; only the name is required. */
export type DefinitionColumns = { name: number } & Partial<
  Record<Exclude<DefinitionField, 'name'>, number | null>
>;

export interface DefinitionRow {
  line: number;
  name: string;
  perspective: string | null;
  objective: string | null;
  unit: Unit | null;
  direction: Direction | null;
  frequency: Frequency | null;
  /** Undefined: not in the file (keep); null: an empty cell (no target). */
  target: number | null | undefined;
  owner: string | null;
  /** The objective this row's objective drives (cause → effect), by name; null: none. */
  supports: string | null;
}

export type DefinitionRead =
  | { ok: true; row: DefinitionRow }
  | { ok: false; line: number; where: string; message: string }
  | null;

const HEADER_WORDS: Record<DefinitionField, RegExp> = {
  name: /^(kpi|name|kpi name|measure|indicator|metric)$/iu,
  perspective: /^perspective$/iu,
  objective: /^(objective|goal)$/iu,
  unit: /^(unit|units)$/iu,
  direction: /^(direction|polarity|better)$/iu,
  frequency: /^(frequency|period|periodicity)$/iu,
  target: /^target$/iu,
  owner: /^(owner|responsible|accountable)$/iu,
  supports: /^(supports( objective)?|contributes to|drives|leads to)$/iu,
};

/** Columns guessed from the header's titles; the name falls back to the first column. */
export function guessDefinitionColumns(
  header: readonly SourceRow['cells'][number][],
): DefinitionColumns {
  const find = (field: DefinitionField): number | null => {
    const index = header.findIndex((cell) => HEADER_WORDS[field].test(cellText(cell).trim()));
    return index === -1 ? null : index;
  };
  return {
    name: find('name') ?? 0,
    perspective: find('perspective'),
    objective: find('objective'),
    unit: find('unit'),
    direction: find('direction'),
    frequency: find('frequency'),
    target: find('target'),
    owner: find('owner'),
    supports: find('supports'),
  };
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };

export function readUnit(text: string): Unit | { reason: string } {
  const t = text.trim();
  if (t === '' || /^(number|count|#)$/iu.test(t))
    return { format: 'number', currency: null, suffix: '' };
  if (/^(%|percent|percentage|pct)$/iu.test(t))
    return { format: 'percent', currency: null, suffix: '' };
  const symbol = CURRENCY_SYMBOLS[t];
  if (symbol) return { format: 'currency', currency: symbol, suffix: '' };
  const code = /^(?:currency\s+)?([A-Za-z]{3})$/u.exec(t)?.[1];
  if (
    code &&
    /^(EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|INR|CNY|ZAR|BRL|MXN)$/iu.test(code)
  )
    return { format: 'currency', currency: code.toUpperCase(), suffix: '' };
  if (/^(hours?|days?|minutes?|h|d|min)$/iu.test(t))
    return { format: 'duration', currency: null, suffix: t };
  if (t.length > 20)
    return {
      reason: `"${t.slice(0, 30)}…" is not a unit (use %, a currency like EUR, or a word like "members")`,
    };
  return { format: 'number', currency: null, suffix: t };
}

export function readDirection(text: string): Direction | { reason: string } {
  const t = text.trim().toLowerCase();
  if (/^(higher( is better)?|up|increase|max(imise|imize)?|↑|\+)$/u.test(t))
    return 'higher_is_better';
  if (/^(lower( is better)?|down|decrease|min(imise|imize)?|↓|-)$/u.test(t))
    return 'lower_is_better';
  if (/^(within( a)? range|range|between)$/u.test(t)) return 'within_range';
  return {
    reason: `"${text.trim()}" is not a direction (write higher is better, lower is better or within range)`,
  };
}

export function readFrequency(text: string): Frequency | { reason: string } {
  const t = text.trim().toLowerCase();
  if (/^(daily|day)$/u.test(t)) return 'daily';
  if (/^(weekly|week)$/u.test(t)) return 'weekly';
  if (/^(monthly|month)$/u.test(t)) return 'monthly';
  if (/^(quarterly|quarter)$/u.test(t)) return 'quarterly';
  if (/^(yearly|year|annual|annually)$/u.test(t)) return 'yearly';
  return {
    reason: `"${text.trim()}" is not a frequency (write daily, weekly, monthly, quarterly or yearly)`,
  };
}

export function readDefinitionRow(
  row: SourceRow,
  columns: DefinitionColumns,
  numberLocale: string,
  location: SourceLocation,
): DefinitionRead {
  if (isBlankRow(row.cells)) return null;
  const text = (column: number | null | undefined): string | null =>
    column === null || column === undefined ? null : cellText(row.cells[column]).trim();
  const fail = (column: number | null | undefined, message: string): DefinitionRead => ({
    ok: false,
    line: row.line,
    where: describeCell(location, row.line, column ?? null),
    message,
  });
  const name = text(columns.name) ?? '';
  if (name === '') return fail(columns.name, 'has no KPI name');
  if (name.length > 200) return fail(columns.name, 'the KPI name is longer than 200 characters');

  const unitText = text(columns.unit);
  const unit = unitText === null || unitText === '' ? null : readUnit(unitText);
  if (unit && 'reason' in unit) return fail(columns.unit, unit.reason);
  const directionText = text(columns.direction);
  const direction = directionText ? readDirection(directionText) : null;
  if (typeof direction === 'object' && direction !== null)
    return fail(columns.direction, direction.reason);
  const frequencyText = text(columns.frequency);
  const frequency = frequencyText ? readFrequency(frequencyText) : null;
  if (typeof frequency === 'object' && frequency !== null)
    return fail(columns.frequency, frequency.reason);

  let target: number | null | undefined;
  if (columns.target !== null && columns.target !== undefined) {
    const cell = row.cells[columns.target] ?? null;
    if (typeof cell === 'number') target = cell;
    else {
      const targetText = cellText(cell).trim();
      if (targetText === '') target = null;
      else {
        const parsed = parseLocaleNumber(targetText, numberLocale);
        if (!parsed.ok) return fail(columns.target, `the target "${targetText}" is not a number`);
        target = parsed.value;
      }
    }
  }
  const blankToNull = (value: string | null): string | null => (value === '' ? null : value);
  return {
    ok: true,
    row: {
      line: row.line,
      name: name.replace(/\s+/gu, ' '),
      perspective: blankToNull(text(columns.perspective)),
      objective: blankToNull(text(columns.objective)),
      unit,
      direction,
      frequency,
      target,
      owner: blankToNull(text(columns.owner)),
      supports: blankToNull(text(columns.supports)),
    },
  };
}

import type { Frequency } from '../domain/kpi';
import { isWithinValueLimit, VALUE_LIMIT_TEXT } from '../domain/value-limit';
import { parseLocaleNumber } from '../parse/number';
import {
  excelSerialToIsoDay,
  parsePeriodText,
  periodForFrequency,
  type PeriodTextParse,
} from '../parse/period';
import { cellText, isDateCell, isFormulaCell, type Cell } from './table';

// One cell read as what its column holds: a number, or the period a KPI value belongs to. Each
// answer is the value or the reason it is not one, worded to follow "C12 ".

export interface CellReadOptions {
  /** Decides "1,234" (1234 in en-US, 1.234 in de-DE) when the text alone cannot. */
  numberLocale: string;
  /** `03/04/2026` is 3 April (true) or 4 March (false). */
  dayFirst: boolean;
  /** Month names of this locale are understood besides English. */
  monthLocale?: string | undefined;
  fiscalYearStartMonth: number;
}

export type CellRead<T> = { ok: true; value: T } | { ok: false; reason: string };

// Excel serial days from 1927 to 2173: a bare number there in a period column is a date.
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 100_000;

const tooLarge = (shown: string): string =>
  `"${shown}" is too large (values must be ${VALUE_LIMIT_TEXT})`;

export function readNumberCell(cell: Cell, options: CellReadOptions): CellRead<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: 'the value is not a number' };
    return isWithinValueLimit(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: tooLarge(String(cell)) };
  }
  if (isDateCell(cell))
    return { ok: false, reason: `the value is a date (${cell.day}), not a number` };
  if (isFormulaCell(cell))
    return {
      ok: false,
      reason: `the formula =${cell.formula.slice(0, 60)} has no stored result (the program that wrote the file did not calculate it; open and save it in Excel or LibreOffice first)`,
    };
  const text = cellText(cell).trim();
  if (text === '') return { ok: false, reason: 'the value is empty' };
  const parsed = parseLocaleNumber(text, options.numberLocale);
  if (parsed.ok)
    return isWithinValueLimit(parsed.value)
      ? { ok: true, value: parsed.value }
      : { ok: false, reason: tooLarge(text.slice(0, 40)) };
  return {
    ok: false,
    reason: parsed.reason.startsWith('"')
      ? parsed.reason
      : `"${text.slice(0, 40)}" is not a number (${parsed.reason})`,
  };
}

export function readPeriodCell(cell: Cell, options: CellReadOptions): PeriodTextParse {
  if (isDateCell(cell)) return { ok: true, kind: 'period', frequency: 'daily', key: cell.day };
  let serial: number | null = null;
  if (typeof cell === 'number') serial = cell;
  else if (typeof cell === 'string' && /^\s*\d{5}(?:\.\d+)?\s*$/u.test(cell)) serial = Number(cell);
  if (serial !== null) {
    if (Number.isInteger(serial) && serial >= 1000 && serial <= 9999)
      return { ok: true, kind: 'period', frequency: 'yearly', key: String(serial) };
    const day = serial >= SERIAL_MIN && serial <= SERIAL_MAX ? excelSerialToIsoDay(serial) : null;
    return day === null
      ? { ok: false, reason: `${serial} is not a date or period` }
      : { ok: true, kind: 'period', frequency: 'daily', key: day };
  }
  return parsePeriodText(cellText(cell), {
    dayFirst: options.dayFirst,
    ...(options.monthLocale === undefined ? {} : { locale: options.monthLocale }),
  });
}

/** The period key a value of a `frequency` KPI is stored under, or why there is none. */
export function periodKeyFor(
  parsed: PeriodTextParse,
  frequency: Frequency,
  fiscalYearStartMonth: number,
): CellRead<string> {
  // With a January fiscal start, FY2027 and the calendar year 2027 are the same year.
  if (
    parsed.ok &&
    parsed.kind === 'fiscal_year' &&
    frequency === 'yearly' &&
    fiscalYearStartMonth === 1
  )
    return { ok: true, value: String(parsed.fiscalYear) };
  const result = periodForFrequency(parsed, frequency);
  return 'key' in result ? { ok: true, value: result.key } : { ok: false, reason: result.reason };
}

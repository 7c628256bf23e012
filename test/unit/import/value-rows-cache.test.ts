import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchableKpi } from '@shared/transfer/kpi-matcher';
import {
  periodKeyFor,
  readNumberCell,
  readPeriodCell,
  type CellReadOptions,
} from '@shared/transfer/read-cells';
import { describeCell, type Cell, type SourceLocation } from '@shared/transfer/table';
import { ValueRowReader, type RowsRead } from '@shared/transfer/value-rows';
import { LONG_MAPPING } from '../../fixtures/long-mapping';

// A long file's rows read with the reader's shortcuts (a period text's key remembered per
// frequency, plain numbers read without the general parser, a named row taken as not blank)
// give what each cell read on its own gives.

const KPIS: MatchableKpi[] = [
  {
    id: 'm',
    name: 'Monthly',
    code: 'm',
    frequency: 'monthly',
    unitFormat: 'number',
    formula: null,
  },
  {
    id: 'q',
    name: 'Quarterly',
    code: 'q',
    frequency: 'quarterly',
    unitFormat: 'number',
    formula: null,
  },
  { id: 'y', name: 'Yearly', code: 'y', frequency: 'yearly', unitFormat: 'number', formula: null },
  {
    id: 'f',
    name: 'Formula',
    code: 'f',
    frequency: 'monthly',
    unitFormat: 'number',
    formula: 'm * 2',
  },
];
const LOCATION: SourceLocation = { kind: 'csv', sheet: null };

const periodCell = fc.oneof(
  fc.constantFrom<Cell>(
    '2026-03',
    '2026-3',
    'Mar 2026',
    'March 2026',
    '2026-Q1',
    'Q2 2026',
    '31/03/2026',
    '03/04/2026',
    '2026',
    'FY2026',
    ' 2026-03 ',
    'bogus',
    '',
    null,
    46_000,
    2026,
    { day: '2026-03-31' },
  ),
  fc.string({ maxLength: 8 }),
);
const valueCell = fc.oneof(
  fc.constantFrom<Cell>(
    '12.5',
    '-0',
    '1.234',
    '1,234.5',
    ' 7 ',
    '12 %',
    '',
    'abc',
    null,
    3.25,
    true,
  ),
  fc.double({ noNaN: true }).map((value): Cell => String(value)),
  fc.integer().map((value): Cell => value),
);
const nameCell = fc.constantFrom<Cell>(
  'Monthly',
  'quarterly',
  ' Yearly ',
  'Formula',
  'Unknown',
  '',
  null,
);
const row = fc.tuple(nameCell, periodCell, valueCell);

/** What one row gives, worked out from the cell readers alone. */
function expected(cells: Cell[], line: number, options: CellReadOptions): RowsRead {
  const out: RowsRead = { values: [], newKpiValues: [], problems: [] };
  const problem = (column: number, message: string): void => {
    out.problems.push({ line, where: describeCell(LOCATION, line, column), message });
  };
  const name = typeof cells[0] === 'string' ? cells[0].trim() : '';
  if (name === '') {
    if (
      cells.some(
        (cell) => cell !== null && String(typeof cell === 'object' ? 'x' : cell).trim() !== '',
      )
    )
      problem(0, 'has no KPI name');
    return out;
  }
  const kpi = KPIS.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!kpi) return out;
  if (kpi.formula !== null) {
    problem(0, `is ${kpi.name}, which is calculated from its formula; its values are not imported`);
    return out;
  }
  const period = periodKeyFor(
    readPeriodCell(cells[1] ?? null, options),
    kpi.frequency,
    options.fiscalYearStartMonth,
  );
  if (!period.ok) {
    problem(1, period.reason);
    return out;
  }
  const value = readNumberCell(cells[2] ?? null, options);
  if (!value.ok) {
    problem(2, value.reason);
    return out;
  }
  out.values.push({ kpiId: kpi.id, period: period.value, value: value.value, comment: null, line });
  return out;
}

describe('a long file read with remembered periods and plain numbers', () => {
  it('gives every row what its cells read on their own give', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('en-GB', 'de-DE'),
        fc.boolean(),
        fc.constantFrom(1, 4),
        (rows, numberLocale, dayFirst, fiscalYearStartMonth) => {
          const options: CellReadOptions = { numberLocale, dayFirst, fiscalYearStartMonth };
          const reader = new ValueRowReader(
            KPIS,
            ['KPI', 'Period', 'Value'],
            LONG_MAPPING,
            options,
            LOCATION,
            { action: 'skip' },
          );
          const read: RowsRead = { values: [], newKpiValues: [], problems: [] };
          const want: RowsRead = { values: [], newKpiValues: [], problems: [] };
          // Each row twice, so the second reading of every text comes from what was remembered.
          [...rows, ...rows].forEach((cells, index) => {
            const line = index + 2;
            reader.read({ line, cells }, read);
            const one = expected(cells, line, options);
            want.values.push(...one.values);
            want.problems.push(...one.problems);
          });
          expect(read.values).toEqual(want.values);
          expect(read.problems).toEqual(want.problems);
          // -0 stays -0, as Number() reads it.
          read.values.forEach((entry, i) => {
            expect(Object.is(entry.value, want.values[i]?.value)).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

import {
  NUMBER_STYLES,
  choicesFrom,
  headerOf,
  numberStyleOf,
  startParams,
  type ImportChoices,
  type UnknownChoice,
} from '@shared/transfer/import-choices';
import { bothReadings } from '@shared/transfer/number-style';
import type { ImportPreview } from '@shared/transfer/import-status';
import { readPeriodCell } from '@shared/transfer/read-cells';
import { cellText, columnLetters, type Cell } from '@shared/transfer/table';
import type { ValueMapping } from '@shared/transfer/value-rows';

// The import wizard's choices, kept apart from its screens: what the user picked, and the
// `import.start` call they make.

export {
  NUMBER_STYLES,
  bothReadings,
  choicesFrom,
  headerOf,
  numberStyleOf,
  startParams,
  type ImportChoices,
  type UnknownChoice,
};

/** "B — Period": a column as the user finds it in their spreadsheet. */
export function columnLabel(header: readonly Cell[], column: number): string {
  const title = cellText(header[column]).trim();
  return title === '' ? columnLetters(column) : `${columnLetters(column)} — ${title}`;
}

export function columnCount(preview: ImportPreview): number {
  return Math.max(1, ...preview.rows.map((row) => row.cells.length));
}

/** Why the choices cannot be used yet, or null. */
export function choicesProblem(
  choices: ImportChoices,
  example: string | null = null,
): string | null {
  const { mapping } = choices;
  if (!choices.numberStyleChosen)
    return `Nothing in the file says how its numbers are written: choose how to read ${example ? `"${example}"` : 'its numbers'}.`;
  const used =
    mapping.layout === 'long'
      ? [mapping.kpiColumn, mapping.periodColumn, mapping.valueColumn, mapping.commentColumn]
      : [mapping.kpiColumn, ...mapping.periodColumns];
  const columns = used.filter((column): column is number => column !== null);
  if (new Set(columns).size !== columns.length)
    return 'Each column can be used for one thing only.';
  if (mapping.layout === 'wide' && mapping.periodColumns.length === 0)
    return 'No column header is a period (like Jan 2026 or 2026-Q1); choose the long layout or another header row.';
  if (choices.unknown === 'create' && choices.objectiveId === '')
    return 'Choose the objective the new KPIs go under.';
  return null;
}

/** The columns whose header is a period: a wide file's value columns. */
export function periodColumnsOf(
  header: readonly Cell[],
  kpiColumn: number,
  dayFirst: boolean,
): number[] {
  return header.flatMap((cell, column) =>
    column !== kpiColumn &&
    cellText(cell).trim() !== '' &&
    readPeriodCell(cell, { numberLocale: 'en-US', dayFirst, fiscalYearStartMonth: 1 }).ok
      ? [column]
      : [],
  );
}

/** The mapping after the user changes the layout or the header row. */
export function remap(
  preview: ImportPreview,
  choices: ImportChoices,
  change: { layout?: ValueMapping['layout']; headerLine?: number },
): ValueMapping {
  const current = choices.mapping;
  const layout = change.layout ?? current.layout;
  const headerLine = change.headerLine ?? current.headerLine;
  const kpiColumn = current.kpiColumn;
  if (layout === 'wide')
    return {
      layout,
      headerLine,
      kpiColumn,
      periodColumns: periodColumnsOf(headerOf(preview, headerLine), kpiColumn, choices.dayFirst),
    };
  if (current.layout === 'long') return { ...current, headerLine };
  const free = [0, 1, 2, 3].filter((column) => column !== kpiColumn);
  return {
    layout,
    headerLine,
    kpiColumn,
    periodColumn: free[0] ?? 1,
    valueColumn: free[1] ?? 2,
    commentColumn: null,
  };
}

import type { MethodParams } from '@shared/api/contract';
import type { ImportPreview } from '@shared/transfer/import-status';
import { readPeriodCell } from '@shared/transfer/read-cells';
import { cellText, columnLetters, type Cell } from '@shared/transfer/table';
import type { ValueMapping } from '@shared/transfer/value-rows';

// The import wizard's choices, kept apart from its screens: what the user picked, and the
// `import.start` call they make.

export type UnknownChoice = 'skip' | 'create';

export interface ImportChoices {
  sheet: string | null;
  format: ImportPreview['format'];
  mapping: ValueMapping;
  numberLocale: string;
  dayFirst: boolean;
  unknown: UnknownChoice;
  objectiveId: string;
}

export const NUMBER_STYLES = [
  { locale: 'en-US', label: '1,234.5 (point for decimals)' },
  { locale: 'de-DE', label: '1.234,5 (comma for decimals)' },
  { locale: 'fr-FR', label: '1 234,5 (space for thousands)' },
  { locale: 'de-CH', label: "1'234.5 (apostrophe for thousands)" },
] as const;

/** The guessed number locale if the wizard offers it, else the point-decimal style. */
export function numberStyleOf(preview: ImportPreview): string {
  const guessed = preview.guess.numberLocale;
  return NUMBER_STYLES.some((style) => style.locale === guessed) ? guessed : 'en-US';
}

export function choicesFrom(preview: ImportPreview, previous?: ImportChoices): ImportChoices {
  return {
    sheet: preview.sheet,
    format: preview.format,
    mapping: preview.guess.mapping,
    numberLocale: numberStyleOf(preview),
    dayFirst: preview.guess.dayFirst,
    unknown: previous?.unknown ?? 'skip',
    objectiveId: previous?.objectiveId ?? '',
  };
}

/** "B — Period": a column as the user finds it in their spreadsheet. */
export function columnLabel(header: readonly Cell[], column: number): string {
  const title = cellText(header[column]).trim();
  return title === '' ? columnLetters(column) : `${columnLetters(column)} — ${title}`;
}

export function headerOf(preview: ImportPreview, headerLine: number): Cell[] {
  return preview.rows.find((row) => row.line >= headerLine)?.cells ?? [];
}

export function columnCount(preview: ImportPreview): number {
  return Math.max(1, ...preview.rows.map((row) => row.cells.length));
}

export function startParams(path: string, choices: ImportChoices): MethodParams<'import.start'> {
  return {
    path,
    sheet: choices.sheet,
    format: choices.format,
    mapping: choices.mapping,
    numberLocale: choices.numberLocale,
    dayFirst: choices.dayFirst,
    unknownKpis:
      choices.unknown === 'create'
        ? { action: 'create', objectiveId: choices.objectiveId, frequency: 'monthly' }
        : { action: 'skip' },
  };
}

/** Why the choices cannot be used yet, or null. */
export function choicesProblem(choices: ImportChoices): string | null {
  const { mapping } = choices;
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

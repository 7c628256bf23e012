import type { MethodParams } from '../api/contract';
import type { ImportPreview } from './import-status';
import type { Cell } from './table';
import type { ValueMapping } from './value-rows';

// The import wizard's choices and the `import.start` call they make, shared by the wizard and
// the command line so both read and count a file the same way from the same first look.

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

/** The cells of the header row (the first row at or after `headerLine`). */
export function headerOf(preview: ImportPreview, headerLine: number): Cell[] {
  return preview.rows.find((row) => row.line >= headerLine)?.cells ?? [];
}

export type UnknownChoice = 'skip' | 'create';

export interface ImportChoices {
  sheet: string | null;
  format: ImportPreview['format'];
  mapping: ValueMapping;
  numberLocale: string;
  /** False while the file leaves its number style open and the user has not chosen one. */
  numberStyleChosen: boolean;
  dayFirst: boolean;
  unknown: UnknownChoice;
  objectiveId: string;
  /** Percent KPIs whose values the file writes as fractions (0.915 for 91.5 %). */
  fractionsAsPercent: string[];
}

export function choicesFrom(preview: ImportPreview, previous?: ImportChoices): ImportChoices {
  return {
    sheet: preview.sheet,
    format: preview.format,
    mapping: preview.guess.mapping,
    numberLocale: numberStyleOf(preview),
    numberStyleChosen: preview.guess.numberStyle.decided,
    dayFirst: preview.guess.dayFirst,
    unknown: previous?.unknown ?? 'skip',
    objectiveId: previous?.objectiveId ?? '',
    fractionsAsPercent: [],
  };
}

export function startParams(path: string, choices: ImportChoices): MethodParams<'import.start'> {
  return {
    path,
    sheet: choices.sheet,
    format: choices.format,
    mapping: choices.mapping,
    numberLocale: choices.numberLocale,
    dayFirst: choices.dayFirst,
    fractionsAsPercent: choices.fractionsAsPercent,
    unknownKpis:
      choices.unknown === 'create'
        ? { action: 'create', objectiveId: choices.objectiveId, frequency: 'monthly' }
        : { action: 'skip' },
  };
}

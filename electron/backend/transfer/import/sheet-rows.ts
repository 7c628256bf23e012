import type { Cell, SourceRow } from '@shared/transfer/table';
import type { XmlHandler } from './xml-scan';
import type { StyleFormat } from './workbook-parts';

// A worksheet's rows from its XML: each <row> with its number, each <c> at its column. Cells
// keep their kind: numbers stay numbers, date-formatted numbers become days, a formula gives
// its stored result, a percent-formatted 0.12 reads as 12 %, shared strings are looked up.

export interface SheetContext {
  strings: readonly (string | null)[];
  formats: readonly (StyleFormat | null)[];
  date1904: boolean;
}

/** The text of one cell can be no longer than Excel's 32,767 characters; far beyond is not a cell. */
const MAX_CELL_TEXT = 1024 * 1024;

const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (with its 1900 leap-year quirk) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1_462;

function isoDay(serial: number, date1904: boolean): Cell {
  const date = new Date(Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? null : { day: date.toISOString().slice(0, 10) };
}

/** A number as its style shows it: a day, a percentage, or itself. */
function numberCell(value: number, format: StyleFormat | null, date1904: boolean): Cell {
  if (format?.date === true) return isoDay(value, date1904);
  if (format?.percent === true) return `${Math.round(value * 100 * 1e9) / 1e9}%`;
  return value;
}

/** A boolean cell's value: 1 or 0 as Excel writes it, true or false as some generators do. */
const isTrue = (value: string): boolean => !/^\s*(0|false)\s*$/iu.test(value);

/** Column number (1 = A) of a reference such as "AB12"; 0 if it has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

/** Collects rows as the scanner meets them; `take` hands over those complete so far. */
export class SheetRows implements XmlHandler {
  private rows: SourceRow[] = [];
  private row: SourceRow | null = null;
  private lastLine = 0;
  private lastColumn = 0;
  // The cell being read.
  private column = 0;
  private type: string | null = null;
  private style = -1;
  private value: string | null = null;
  private formula: string | null = null;
  private inline: string | null = null;
  /** Which text the scanner's character data belongs to. */
  private into: 'value' | 'formula' | 'inline' | null = null;
  private inInline = false;
  private phonetic = 0;
  /** The element whose attributes the parser is reading, if the reader keeps any of them. */
  private opened: 'row' | 'c' | null = null;

  constructor(private readonly context: SheetContext) {}

  take(): SourceRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  get pending(): number {
    return this.rows.length;
  }

  // A row or cell without a reference follows the one before it; its r attribute, read after
  // its name, says otherwise.
  open(name: string): void {
    this.opened = null;
    switch (name) {
      case 'row': {
        this.lastLine += 1;
        this.row = { line: this.lastLine, cells: [] };
        this.lastColumn = 0;
        this.opened = 'row';
        return;
      }
      case 'c': {
        if (this.row === null) return;
        this.lastColumn += 1;
        this.column = this.lastColumn;
        this.type = null;
        this.style = -1;
        this.value = null;
        this.formula = null;
        this.inline = null;
        this.opened = 'c';
        return;
      }
      case 'v':
        this.value = '';
        this.into = 'value';
        return;
      case 'f':
        this.formula = '';
        this.into = 'formula';
        return;
      case 'is':
        this.inline = '';
        this.inInline = true;
        return;
      case 'rPh':
        this.phonetic += 1;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) this.into = 'inline';
        return;
      default:
        return;
    }
  }

  attribute(name: string, value: string): void {
    if (this.opened === 'row') {
      const number = Number(value);
      if (name === 'r' && this.row !== null && Number.isInteger(number) && number > 0)
        this.lastLine = this.row.line = number;
    } else if (this.opened === 'c') {
      if (name === 'r') {
        const column = columnOf(value);
        if (column > 0) this.lastColumn = this.column = column;
      } else if (name === 't') this.type = value;
      else if (name === 's') {
        const style = Number(value);
        this.style = Number.isInteger(style) ? style : -1;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.into = null;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic -= 1;
        return;
      case 'c': {
        const cell = this.cell();
        if (this.row !== null && cell !== null) this.row.cells[this.column - 1] = cell;
        return;
      }
      case 'row': {
        if (this.row === null) return;
        const { cells } = this.row;
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= null;
        this.rows.push(this.row);
        this.row = null;
        return;
      }
      default:
        return;
    }
  }

  text(data: string): void {
    const { into } = this;
    if (into === null) return;
    const grown = (this[into] ?? '') + data;
    if (grown.length > MAX_CELL_TEXT)
      throw new Error(`the cell in row ${this.lastLine} holds far more text than a cell can`);
    this[into] = grown;
  }

  private cell(): Cell {
    const { type, value, formula } = this;
    const format = this.context.formats[this.style] ?? null;
    const { date1904 } = this.context;
    if (formula !== null) {
      // A formula written by a program that does not calculate (openpyxl, most generators)
      // has no stored result: say that, rather than "the value is empty".
      if (value === null) return { formula };
      if (type === 'str' || type === 'e') return value;
      if (type === 'b') return isTrue(value);
      return numberCell(parseFloat(value), format, date1904);
    }
    switch (type) {
      case 's': {
        const index = Number(value);
        return Number.isInteger(index) ? (this.context.strings[index] ?? null) : null;
      }
      case 'inlineStr':
        return this.inline ?? value;
      case 'str':
      case 'e':
        return value;
      case 'b':
        return value === null ? null : isTrue(value);
      case 'd': {
        // An ISO 8601 date (strict OOXML); its day is what it says.
        const text = value === null ? '' : value.trim();
        return /^\d{4}-\d{2}-\d{2}/u.test(text) ? { day: text.slice(0, 10) } : text || null;
      }
      default:
        return value === null || value.trim() === ''
          ? null
          : numberCell(parseFloat(value), format, date1904);
    }
  }
}

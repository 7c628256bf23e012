import { STATUS_LABELS, type Status } from '@shared/domain/kpi';

// Plain-text tables for the terminal: columns padded to their widest cell, numbers on the
// right, statuses in words (and coloured only when the caller says the terminal takes it).

export interface Column {
  title: string;
  align: 'left' | 'right';
}

const COLOURS: Record<Status, string> = {
  on_track: '\u001b[32m',
  at_risk: '\u001b[33m',
  off_track: '\u001b[31m',
  no_data: '\u001b[2m',
};
const RESET = '\u001b[0m';

/** A status in words, e.g. "Off track", wrapped in its colour when `colour` is on. */
export function statusWords(status: Status, colour: boolean): string {
  return colour ? `${COLOURS[status]}${STATUS_LABELS[status]}${RESET}` : STATUS_LABELS[status];
}

// eslint-disable-next-line no-control-regex -- the escape codes statusWords adds
const ESCAPES = /\u001b\[[0-9;]*m/gu;
const segmenter = new Intl.Segmenter();
/** Characters as a terminal shows them (one per grapheme), escape codes not counted. */
const visibleLength = (text: string): number =>
  Array.from(segmenter.segment(text.replace(ESCAPES, ''))).length;

export function renderTable(columns: readonly Column[], rows: readonly string[][]): string {
  const widths = columns.map((column, index) =>
    Math.max(visibleLength(column.title), ...rows.map((row) => visibleLength(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const pad = ' '.repeat((widths[index] ?? 0) - visibleLength(cell));
        return column.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}

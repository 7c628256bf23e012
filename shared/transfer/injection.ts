// Spreadsheet formula injection (OWASP "CSV Injection"): a cell of text that starts with one of
// these characters is run as a formula by Excel, LibreOffice or Google Sheets when the file is
// opened, so a KPI comment like `=HYPERLINK("http://evil","click")` would become a live link.
// Prefixing a single quote makes every one of those programs show the text as typed.
//
// Only text is neutralised: a number is written as a number (a real -1200 must stay a number
// the user can add up), which is why callers pass numbers through untouched.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet program could read this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text.charAt(0));
}

/** The text to write in a spreadsheet cell: unchanged, or with a leading `'` if it looks like a formula. */
export function neutraliseText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A cell value for export: numbers (and nulls) pass through, text is neutralised. */
export function neutraliseCell<T extends string | number | null>(cell: T): T {
  return (typeof cell === 'string' ? neutraliseText(cell) : cell) as T;
}

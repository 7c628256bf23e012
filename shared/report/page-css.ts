import type { Orientation, PaperSize } from './option-choices';

// The @page rules of the printed report: paper size, margins, and the running footer and
// header in the page margin boxes ("Page 3 of 12", the period, the generation date, the
// confidentiality line). Chromium draws margin boxes on every page, in the PDF's own text.

/** Line breaks, tabs and other control characters become spaces. */
export function withoutControlCharacters(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    result += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? ' ' : char;
  }
  return result;
}

/**
 * A CSS string literal holding `text` as text: quotes and backslashes escaped, line breaks and
 * other control characters turned into spaces, so user text cannot end the string or the rule.
 */
export function cssString(text: string): string {
  const escaped = withoutControlCharacters(text)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/</g, '\\3c ');
  return `"${escaped}"`;
}

export interface PageStyleInput {
  paper: PaperSize;
  orientation: Orientation;
  /** Bottom left: e.g. "March 2026 · generated 20 April 2026". */
  footer: string;
  /** Top centre on every page; empty for none. */
  confidentiality: string;
  fontFamily: string;
}

const BOX = (family: string) => `font-family: ${family}; font-size: 8pt; color: #333;`;

export function pageCss(input: PageStyleInput): string {
  const box = BOX(input.fontFamily);
  const top = input.confidentiality
    ? `@top-center { content: ${cssString(input.confidentiality)}; ${box} }`
    : '';
  return `@page {
  size: ${input.paper} ${input.orientation};
  margin: 16mm 14mm 18mm 14mm;
  ${top}
  @bottom-left { content: ${cssString(input.footer)}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
}`;
}

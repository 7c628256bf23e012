import { attribute, eachElement, XmlScanner } from './xml-scan';
import { ZIP_LIMITS } from './zip-limits';
import type { WorkbookZip } from './xlsx-zip';

// What a worksheet's cells refer to: the shared strings (a cell of type "s" holds an index
// into them) and the number format of each cell style (a cell's s attribute), which says
// whether a number is a date or a percentage.

/** Excel's built-in number formats by id (custom ones start at 164), as exceljs knows them. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format that shows a date or time: y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/u.test(format.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

/** How a style shows numbers; null for the general format. */
export interface StyleFormat {
  date: boolean;
  percent: boolean;
}

/** Each cell style's number format (by the cell's s attribute), or null for General. */
export async function styleFormats(zip: WorkbookZip): Promise<(StyleFormat | null)[]> {
  const part = zip.part('xl/styles.xml');
  if (!part) return [];
  const custom = new Map<number, string>();
  const cellFormatIds: number[] = [];
  eachElement(
    (await zip.read(part, ZIP_LIMITS.otherPartBytes)).toString('utf8'),
    (name, attributes, parents) => {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isInteger(id) && code !== null) custom.set(id, code);
      }
      // Only the cell formats: cellStyleXfs holds xf elements too.
      else if (name === 'xf' && parents.at(-1) === 'cellXfs')
        cellFormatIds.push(Number(attribute(attributes, 'numFmtId') ?? 0));
    },
  );
  return cellFormatIds.map((id) => {
    const format = custom.get(id) ?? BUILT_IN_FORMATS[id];
    if (id === 0 || format === undefined) return null;
    return { date: isDateFormat(format), percent: format.includes('%') };
  });
}

/**
 * The shared strings in order; an empty one is null (a cell holding it is empty). A rich
 * text's runs are joined; phonetic guides (rPh) are left out.
 */
export async function sharedStrings(zip: WorkbookZip): Promise<(string | null)[]> {
  const part = zip.part('xl/sharedStrings.xml');
  if (!part) return [];
  const strings: (string | null)[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  const scanner = new XmlScanner({
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') strings.push(text === '' ? null : text);
    },
    attribute() {
      // Shared strings keep nothing the import reads in attributes.
    },
    text(data) {
      if (inText) text += data;
    },
  });
  scanner.feed(
    (await zip.read(part, ZIP_LIMITS.sharedStringsBytes)).toString('utf8').replace(/^\uFEFF/u, ''),
  );
  scanner.end();
  return strings;
}

import { attribute, eachElement } from './xml-scan';
import type { WorkbookZip } from './xlsx-zip';

// The sheets of a workbook, from xl/workbook.xml and its relationships, found through the zip's
// central directory whatever the order of the parts (openpyxl writes the workbook after the
// sheets), and whether its dates count from 1904 (old Mac Excel) rather than 1900.

export interface WorkbookSheet {
  name: string;
  /** The worksheet's part in the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface WorkbookInfo {
  /** Worksheets in the workbook's own order (the tabs as the user sees them). */
  sheets: WorkbookSheet[];
  date1904: boolean;
}

/** The workbook, relationships and other small parts are a few kilobytes. */
const SMALL_PART_BYTES = 8 * 1024 * 1024;

/** A relationship's target as a part name: relative to xl/ unless it starts at the root. */
function partOf(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const segment of target.split('/'))
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  return parts.join('/');
}

const WORKSHEET = /(?:^|\/)worksheets\/[^/]+\.xml$/iu;

/**
 * The worksheets and date system. A workbook without a readable workbook part (some
 * generators) gets its worksheet parts named Sheet1…SheetN, as Excel would show them.
 */
export async function workbookInfo(zip: WorkbookZip): Promise<WorkbookInfo> {
  const workbookPart = zip.part('xl/workbook.xml');
  const relsPart = zip.part('xl/_rels/workbook.xml.rels');
  if (workbookPart && relsPart) {
    const [workbook, rels] = await Promise.all([
      zip.read(workbookPart, SMALL_PART_BYTES).then((data) => data.toString('utf8')),
      zip.read(relsPart, SMALL_PART_BYTES).then((data) => data.toString('utf8')),
    ]);
    const targets = new Map<string, string>();
    eachElement(rels, (name, attributes) => {
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (name === 'Relationship' && id !== null && target !== null)
        targets.set(id, partOf(target));
    });
    const sheets: WorkbookSheet[] = [];
    let date1904 = false;
    eachElement(workbook, (name, attributes) => {
      if (name === 'workbookPr')
        date1904 = /^(1|true)$/iu.test(attribute(attributes, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const sheetName = attribute(attributes, 'name');
      const part = targets.get(attribute(attributes, 'id') ?? '');
      // Chart sheets and macro sheets hold no rows.
      if (sheetName !== null && part !== undefined && WORKSHEET.test(part) && zip.part(part))
        sheets.push({ name: sheetName, part });
    });
    if (sheets.length > 0) return { sheets, date1904 };
  }
  const sheets = zip
    .names()
    .filter((name) => WORKSHEET.test(name))
    .map((part) => ({ part, number: Number(/(\d+)\.xml$/iu.exec(part)?.[1] ?? 0) }))
    .sort((a, b) => a.number - b.number)
    .map(({ part }, index) => ({ name: `Sheet${index + 1}`, part }));
  return { sheets, date1904: false };
}

import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

// The sheet names of a workbook, from xl/workbook.xml and its relationships, whatever the
// order of the parts in the zip. exceljs's streaming reader names a sheet only when the
// workbook part came before it; openpyxl and other writers put it after the sheets, and
// the sheets were then listed as Sheet1…SheetN. Reading the zip's central directory finds the
// two small parts without reading the rest of the file.

export interface WorkbookSheet {
  name: string;
  /** N of the part xl/worksheets/sheetN.xml, which is how the streaming reader knows it. */
  partNumber: string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The two parts are a few kilobytes; anything far larger is not a workbook part we trust. */
const MAX_PART_BYTES = 8 * 1024 * 1024;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

async function centralDirectory(path: string): Promise<{
  entries: Map<string, Entry>;
  read(entry: Entry): Promise<Buffer | null>;
  close(): Promise<void>;
}> {
  const file = await open(path, 'r');
  const { size } = await file.stat();
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i -= 1)
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  const entries = new Map<string, Entry>();
  if (eocd >= 0) {
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize <= size && directorySize <= 64 * 1024 * 1024) {
      const directory = Buffer.alloc(directorySize);
      await file.read(directory, 0, directorySize, directoryOffset);
      for (let at = 0; at + 46 <= directorySize && directory.readUInt32LE(at) === CENTRAL;) {
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
        entries.set(name.replace(/^\//u, ''), {
          method: directory.readUInt16LE(at + 10),
          compressedSize: directory.readUInt32LE(at + 20),
          size: directory.readUInt32LE(at + 24),
          localOffset: directory.readUInt32LE(at + 42),
        });
        at += 46 + nameLength + extraLength + commentLength;
      }
    }
  }
  return {
    entries,
    async read(entry) {
      if (entry.size > MAX_PART_BYTES || entry.compressedSize > MAX_PART_BYTES) return null;
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL) return null;
      const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const data = Buffer.alloc(entry.compressedSize);
      await file.read(data, 0, entry.compressedSize, start);
      if (entry.method === 0) return data;
      if (entry.method !== 8) return null;
      return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
    },
    close: () => file.close(),
  };
}

const decodeXml = (text: string): string =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/gu, '&');

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'u').exec(tag);
  return match ? decodeXml(match[2] ?? match[3] ?? '') : null;
}

/**
 * The workbook's sheets in the workbook's own order, or an empty list when the file does not
 * say (then the streaming reader's names stand).
 */
export async function workbookSheets(path: string): Promise<WorkbookSheet[]> {
  let zip;
  try {
    zip = await centralDirectory(path);
  } catch {
    return [];
  }
  try {
    const workbookEntry = zip.entries.get('xl/workbook.xml');
    const relsEntry = zip.entries.get('xl/_rels/workbook.xml.rels');
    if (!workbookEntry || !relsEntry) return [];
    const [workbook, rels] = await Promise.all([zip.read(workbookEntry), zip.read(relsEntry)]);
    if (!workbook || !rels) return [];
    const targets = new Map<string, string>();
    for (const [tag] of rels.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id !== null && target !== null) targets.set(id, target);
    }
    const sheets: WorkbookSheet[] = [];
    for (const [tag] of workbook.toString('utf8').matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
      const name = attribute(tag, 'name');
      const rel = attribute(tag, '(?:\\w+:)?id');
      const part = /worksheets\/sheet(\d+)\.xml$/u.exec(targets.get(rel ?? '') ?? '');
      if (name !== null && part?.[1] !== undefined) sheets.push({ name, partNumber: part[1] });
    }
    return sheets;
  } catch {
    return [];
  } finally {
    await zip.close();
  }
}

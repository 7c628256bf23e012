import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

// Spreadsheet bombs: a workbook of a few MB can expand to gigabytes (a shared-strings part of
// one repeated text compresses a thousandfold), and the reader keeps every shared string in
// memory. Before any part is parsed, the zip's central directory is read for each part's
// declared size, and the shared strings are inflated once, counting bytes and entries, so a
// part that lies about its size is caught as well. Limits are far above real imports (a
// 1,000,000-row sheet of values is about 100 MB of XML, with a few thousand shared strings).

export const ZIP_LIMITS = {
  /** A worksheet is streamed row by row; beyond this it is not a sheet of KPI values. */
  worksheetBytes: 1024 ** 3,
  /** Shared strings are held in memory whole. */
  sharedStringsBytes: 64 * 1024 ** 2,
  sharedStrings: 1_000_000,
  /** Styles, the workbook, relationships and the rest. */
  otherPartBytes: 32 * 1024 ** 2,
  totalBytes: 2 * 1024 ** 3,
  parts: 10_000,
  centralDirectoryBytes: 16 * 1024 ** 2,
};

export class WorkbookTooLarge extends Error {}

export interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const mib = (bytes: number): string =>
  `${Math.round(bytes / 1024 ** 2).toLocaleString('en-GB')} MB`;

export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const damaged = (): Error =>
  new WorkbookTooLarge(
    'The workbook cannot be read (its zip directory is missing or damaged); is it a damaged or password-protected file?',
  );

/** The parts listed in the zip's central directory, with their declared sizes. */
export async function zipParts(file: FileHandle, fileSize: number): Promise<ZipPart[]> {
  const tailLength = Math.min(fileSize, 22 + 65_535);
  const tail = await readAt(file, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged();
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // Zip64: the locator sits just before the end record and points at the real one.
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw damaged();
    const record = await readAt(file, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw damaged();
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > ZIP_LIMITS.parts || directorySize > ZIP_LIMITS.centralDirectoryBytes)
    throw new WorkbookTooLarge(
      `The workbook has more than ${ZIP_LIMITS.parts.toLocaleString('en-GB')} parts; it is not a spreadsheet of KPI values and was not read.`,
    );
  const directory = await readAt(file, directoryOffset, directorySize);
  const parts: ZipPart[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    let compressedSize = directory.readUInt32LE(at + 20);
    let size = directory.readUInt32LE(at + 24);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    // Zip64 sizes live in extra field 0x0001, in this order, for the fields that are full.
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        const next = (): number => {
          const value = field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : 0;
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    parts.push({
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function declaredLimit(name: string): number {
  if (/^xl\/worksheets\/[^/]+\.xml$/iu.test(name)) return ZIP_LIMITS.worksheetBytes;
  if (/^xl\/sharedStrings\.xml$/iu.test(name)) return ZIP_LIMITS.sharedStringsBytes;
  return ZIP_LIMITS.otherPartBytes;
}

/** Inflates the shared strings once, stopping as soon as they pass either limit. */
async function checkSharedStrings(path: string, file: FileHandle, part: ZipPart): Promise<void> {
  const header = await readAt(file, part.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw damaged();
  const start = part.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (part.method !== 0 && part.method !== 8) return; // the reader refuses it (xlsx-zip.ts)
  if (part.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + part.compressedSize - 1 });
  const source = part.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let bytes = 0;
  let entries = 0;
  let carry = '';
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > ZIP_LIMITS.sharedStringsBytes)
        throw new WorkbookTooLarge(
          `The workbook's shared texts expand to more than ${mib(ZIP_LIMITS.sharedStringsBytes)}, far more than a spreadsheet of KPI values holds; it was not read.`,
        );
      const text = carry + chunk.toString('latin1');
      entries += text.match(/<si[\s>]/gu)?.length ?? 0;
      carry = text.slice(-3);
      if (entries > ZIP_LIMITS.sharedStrings)
        throw new WorkbookTooLarge(
          `The workbook has more than ${ZIP_LIMITS.sharedStrings.toLocaleString('en-GB')} different texts (shared strings), far more than a spreadsheet of KPI values holds; it was not read.`,
        );
    }
  } catch (error) {
    if (error instanceof WorkbookTooLarge) throw error;
    throw damaged();
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
  }
}

/**
 * Refuses a workbook whose parts are too large to read safely, before anything parses it.
 * Throws WorkbookTooLarge with a message for the user.
 */
export async function checkWorkbookLimits(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const parts = await zipParts(file, fileSize);
    let total = 0;
    for (const part of parts) {
      total += part.size;
      const limit = declaredLimit(part.name);
      if (part.size > limit)
        throw new WorkbookTooLarge(
          `The workbook's part "${part.name}" expands to ${mib(part.size)}, more than the ${mib(limit)} this app reads; it was not read.`,
        );
    }
    if (total > ZIP_LIMITS.totalBytes)
      throw new WorkbookTooLarge(
        `The workbook expands to ${mib(total)}, more than the ${mib(ZIP_LIMITS.totalBytes)} this app reads; it was not read.`,
      );
    const strings = parts.find((part) => /^xl\/sharedStrings\.xml$/iu.test(part.name));
    if (strings) await checkSharedStrings(path, file, strings);
  } finally {
    await file.close();
  }
}

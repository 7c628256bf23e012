import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { SourceKind } from '@shared/transfer/table';

// Which kind of file an import reads, by its first bytes. Kept apart from the readers so the
// backend can check a file without loading papaparse, iconv-lite or the workbook reader (they
// load on the import worker's thread, when a file is read).

/** A problem with the file as a whole, worded for the user. */
export class FileProblem extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(path: string, magic: readonly number[]): boolean {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(magic.length);
    const read = readSync(fd, bytes, 0, magic.length, 0);
    return read === magic.length && magic.every((byte, i) => bytes[i] === byte);
  } finally {
    closeSync(fd);
  }
}

/** CSV or XLSX, by the file's first bytes rather than its name. */
export function sourceKindOf(path: string): SourceKind {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new FileProblem(`"${path}" is a folder, not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(`The file "${path}" cannot be read (it may have been moved or deleted).`);
  }
  if (size === 0) throw new FileProblem('The file is empty.');
  if (startsWith(path, ZIP_MAGIC)) {
    if (/^\.(ods|numbers)$/iu.test(extname(path)))
      throw new FileProblem('This file is not an Excel workbook; save it as .xlsx or .csv first.');
    return 'xlsx';
  }
  if (startsWith(path, OLE_MAGIC))
    throw new FileProblem(
      'This is an old Excel .xls workbook; save it as .xlsx (Excel 2007 or later) or as CSV first.',
    );
  return 'csv';
}

/** `sourceKindOf` for an API call: a file problem becomes FILE_ERROR on the `path` field. */
export function sourceKindForApi(path: string): SourceKind {
  try {
    return sourceKindOf(path);
  } catch (error) {
    if (error instanceof FileProblem)
      throw new ApiError({ code: 'FILE_ERROR', field: 'path', message: error.message });
    throw error;
  }
}

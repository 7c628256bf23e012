import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { readAt, zipParts, type ZipPart } from './zip-limits';

// A workbook's zip opened at its central directory (zip-limits.ts reads it, zip64 too), so
// each part is found where it is, whatever the order the writer stored them in: the small
// parts (workbook, relationships, styles, shared strings) are read whole, a worksheet is
// streamed. zip-limits.ts has refused parts declared too large before this opens the file;
// the limits here hold a part that lies about its size to the same bounds.

export class DamagedWorkbook extends Error {}

export interface WorkbookZip {
  /** The part named `name` (case-insensitive, as package part names are), if present. */
  part(name: string): ZipPart | undefined;
  names(): string[];
  /** A part read whole; more than `maxBytes` unpacked is refused. */
  read(part: ZipPart, maxBytes: number): Promise<Buffer>;
  /**
   * A part unpacked as a stream; `onBytes` hears how far into the (zipped) file it has read.
   * More than `maxBytes` unpacked is refused.
   */
  stream(
    part: ZipPart,
    maxBytes: number,
    onBytes?: (position: number) => void,
  ): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export async function openWorkbookZip(path: string): Promise<WorkbookZip> {
  const file: FileHandle = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const parts = new Map<string, ZipPart>();
    for (const part of await zipParts(file, size))
      parts.set(part.name.replace(/^\//u, '').toLowerCase(), part);

    /** Where the part's data starts, after its local header. */
    const dataStart = async (part: ZipPart): Promise<number> => {
      const header = await readAt(file, part.localHeaderOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
        throw new DamagedWorkbook(`its part ${part.name} is damaged`);
      if (part.method !== STORED && part.method !== DEFLATED)
        throw new DamagedWorkbook(`its part ${part.name} is packed in a way this app cannot read`);
      return part.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    };
    const tooLarge = (part: ZipPart) =>
      new DamagedWorkbook(`its part ${part.name} unpacks to more than its directory says`);

    return {
      part: (name) => parts.get(name.toLowerCase()),
      names: () => [...parts.values()].map((part) => part.name.replace(/^\//u, '')),
      async read(part, maxBytes) {
        const start = await dataStart(part);
        const data = await readAt(file, start, part.compressedSize);
        if (part.method === STORED) {
          if (data.length > maxBytes) throw tooLarge(part);
          return data;
        }
        try {
          return inflateRawSync(data, { maxOutputLength: maxBytes });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(part);
          throw new DamagedWorkbook(`its part ${part.name} cannot be unpacked`);
        }
      },
      async *stream(part, maxBytes, onBytes) {
        const start = await dataStart(part);
        if (part.compressedSize === 0) return;
        const raw = createReadStream(path, {
          start,
          end: start + part.compressedSize - 1,
          highWaterMark: 256 * 1024,
        });
        let position = start;
        raw.on('data', (chunk) => {
          position += chunk.length;
          onBytes?.(position);
        });
        const source =
          part.method === DEFLATED ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : raw;
        let unpacked = 0;
        try {
          for await (const chunk of source as AsyncIterable<Buffer>) {
            unpacked += chunk.length;
            if (unpacked > maxBytes) throw tooLarge(part);
            yield chunk;
          }
        } catch (error) {
          if (error instanceof DamagedWorkbook) throw error;
          throw new DamagedWorkbook(`its part ${part.name} cannot be unpacked`);
        } finally {
          raw.destroy();
          if (source !== raw) source.destroy();
        }
      },
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}

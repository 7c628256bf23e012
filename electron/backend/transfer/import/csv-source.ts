import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { SourceRow } from '@shared/transfer/table';

// CSV as people really have it: UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
// Windows-1252 from older Excel; comma, semicolon or tab; CRLF; quoted fields with line
// breaks. Read as a stream, so a file of any size takes the same memory.

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvFormat {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

const SNIFF_BYTES = 64 * 1024;

function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function sniffEncoding(bytes: Buffer): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // A multi-byte character may be cut at the end of the sample; judge the bytes before it.
  const sample = bytes.length === SNIFF_BYTES ? bytes.subarray(0, bytes.length - 4) : bytes;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function sniffDelimiter(text: string): CsvDelimiter {
  const result = Papa.parse<string[]>(text, {
    preview: 30,
    delimitersToGuess: [...CSV_DELIMITERS],
  });
  const guessed = result.meta.delimiter;
  return (CSV_DELIMITERS as readonly string[]).includes(guessed) ? (guessed as CsvDelimiter) : ',';
}

export function sniffCsv(path: string): CsvFormat {
  const bytes = head(path);
  const encoding = sniffEncoding(bytes);
  return { encoding, delimiter: sniffDelimiter(iconv.decode(bytes, encoding)) };
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count += 1;
  }
  return count;
}

/** Rows queued before the parser is paused until the reader catches up. */
const QUEUE_ROWS = 20_000;

/**
 * The rows of a CSV file, a parsed chunk at a time, with the line each starts on (a quoted
 * field with line breaks makes a row span lines). `onBytes` hears how much of the file has
 * been read, for progress. Papaparse parses a chunk at a time and is paused while the reader is
 * behind, which is several times faster than its row-at-a-time Node stream; handing on whole
 * chunks spares a promise per row.
 */
export async function* csvRowBatches(
  path: string,
  format: CsvFormat,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<SourceRow[]> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytesRead = 0;
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.(bytesRead);
  });
  // Shared with papaparse's callbacks, which fill the queue while this generator drains it.
  const state: {
    queue: string[][];
    finished: boolean;
    failure: Error | null;
    parser: Papa.Parser | null;
    paused: boolean;
    wake: (() => void) | null;
  } = { queue: [], finished: false, failure: null, parser: null, paused: false, wake: null };
  const notify = (): void => {
    const resolve = state.wake;
    state.wake = null;
    resolve?.();
  };
  const fail = (error: unknown): void => {
    state.failure = error instanceof Error ? error : new Error(JSON.stringify(error));
    state.finished = true;
    notify();
  };
  const decoded = file.pipe(iconv.decodeStream(format.encoding));
  file.on('error', fail);
  Papa.parse<string[]>(decoded as unknown as File, {
    delimiter: format.delimiter,
    skipEmptyLines: false,
    chunk(results, handle) {
      state.parser = handle;
      for (const row of results.data) state.queue.push(row);
      if (state.queue.length >= QUEUE_ROWS && !state.paused) {
        state.paused = true;
        handle.pause();
      }
      notify();
    },
    complete() {
      state.finished = true;
      notify();
    },
    error: fail,
  });

  let line = 1;
  try {
    for (;;) {
      if (state.queue.length > 0) {
        const rows = state.queue;
        state.queue = [];
        if (state.paused) {
          state.paused = false;
          state.parser?.resume();
        }
        const batch: SourceRow[] = new Array<SourceRow>(rows.length);
        for (let i = 0; i < rows.length; i += 1) {
          const cells = rows[i] as string[];
          batch[i] = { line, cells };
          line += 1 + newlinesIn(cells);
        }
        yield batch;
        continue;
      }
      if (state.finished) break;
      await new Promise<void>((resolve) => (state.wake = resolve));
    }
    if (state.failure !== null) throw state.failure;
  } finally {
    file.destroy();
  }
}

/** `csvRowBatches` one row at a time, for short reads (a preview). */
export async function* csvRows(path: string, format: CsvFormat): AsyncGenerator<SourceRow> {
  for await (const batch of csvRowBatches(path, format)) yield* batch;
}

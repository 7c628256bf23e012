import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ValueMappingError } from '@shared/transfer/value-rows';
import {
  FileProblem,
  inspectFile,
  readValues,
} from '../../../electron/backend/transfer/import/read-file';

// Whatever bytes a file holds, reading it as a CSV ends: with rows and problems, or with a
// clear message about the file. Never a crash, never a hang.

const dir = mkdtempSync(join(tmpdir(), 'kpis-csv-fuzz-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KPIS = [
  {
    id: 'k1',
    name: 'Revenue',
    code: 'revenue',
    frequency: 'monthly',
    unitFormat: 'number',
    formula: null,
  },
] as const;

/** Text that looks like a spreadsheet often enough to reach the interesting code. */
const csvLike = fc
  .array(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'Revenue',
          'revenue ',
          '2026-03',
          'Mar 2026',
          '31/02/2026',
          '1.234,5',
          '(1,200)',
          '"',
          '""',
          '',
          '\r\n',
          '\n',
          'FY2027',
          '12 %',
          '€',
        ),
        fc.string({ maxLength: 12 }),
        fc.double({ noNaN: false }).map(String),
      ),
      { maxLength: 6 },
    ),
    { maxLength: 30 },
  )
  .chain((rows) =>
    fc
      .constantFrom(',', ';', '\t')
      .map((separator) => rows.map((row) => row.join(separator)).join('\n')),
  );

const bytes = fc.uint8Array({ maxLength: 400 });

async function readWhole(path: string): Promise<void> {
  let preview;
  try {
    preview = await inspectFile({ path, userLocale: 'en-GB', rowLimit: 40 });
  } catch (error) {
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as Error).message.length).toBeGreaterThan(5);
    return;
  }
  try {
    const rowsSeen: number[] = [];
    await readValues(
      {
        source: { path, kind: preview.kind, format: preview.format, sheet: preview.sheet },
        mapping: preview.guess.mapping,
        options: {
          numberLocale: preview.guess.numberLocale,
          dayFirst: preview.guess.dayFirst,
          fiscalYearStartMonth: 1,
        },
        kpis: KPIS,
        unknownPolicy: { action: 'skip' },
        batchSize: 7,
      },
      {
        batch: (read) => {
          rowsSeen.push(read.values.length);
          for (const problem of read.problems) {
            expect(problem.where).toMatch(/^line \d+/);
            expect(problem.message.length).toBeGreaterThan(3);
          }
          for (const value of read.values) expect(Number.isFinite(value.value)).toBe(true);
          return Promise.resolve();
        },
      },
    );
  } catch (error) {
    // A mapping the guess made from odd data may not fit the file; that is said, not thrown.
    expect(error instanceof ValueMappingError || error instanceof FileProblem).toBe(true);
  }
}

describe('reading hostile CSV files', () => {
  it('ends with rows or a clear message for spreadsheet-like text', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(csvLike, async (text) => {
        const path = join(dir, `t${n++}.csv`);
        writeFileSync(path, text);
        await readWhole(path);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('ends with rows or a clear message for arbitrary bytes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = join(dir, `b${n++}.csv`);
        writeFileSync(path, content);
        await readWhole(path);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

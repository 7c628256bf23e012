import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  checkWorkbookLimits,
  ZIP_LIMITS,
} from '../../../electron/backend/transfer/import/zip-limits';
import { withScorecard } from '../backend/helpers';
import { LONG_MAPPING } from '../../fixtures/long-mapping';

// Spreadsheet bombs: a workbook of a megabyte whose shared strings expand to 1.25 GB is refused
// before it is parsed, quickly, with a message, and the app's memory stays where it was.

interface Part {
  name: string;
  data: Buffer;
  method: 0 | 8;
  size: number;
}

/** A zip of `parts` whose central directory declares each part's `size`, true or not. */
function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(Math.min(part.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(Math.min(part.size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    chunks.push(local, name, part.data);
    offset += 30 + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}

/** `repeat` copies of `unit`, deflated without ever holding them: fully flushed blocks repeat. */
function repeatedDeflate(unit: Buffer, repeat: number): Buffer {
  const block = deflateRawSync(unit, { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(repeat).fill(block), Buffer.from([0x03, 0x00])]);
}

const text = (s: string) => Buffer.from(s);
const stored = (name: string, body: string): Part => ({
  name,
  data: text(body),
  method: 0,
  size: body.length,
});

function bomb(declaredSize: number | null): Buffer {
  const unit = text(`<si><t>${'x'.repeat(1_000_000 - 16)}</t></si>`);
  const repeat = 1_250; // 1.25 GB of shared strings
  return zip([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    stored('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    {
      name: 'xl/sharedStrings.xml',
      data: repeatedDeflate(unit, repeat),
      method: 8,
      size: declaredSize ?? unit.length * repeat,
    },
  ]);
}

function rssMb(): number {
  return process.memoryUsage().rss / 1024 ** 2;
}

describe('spreadsheet bombs', () => {
  it('refuses 1.25 GB of shared strings in a 1 MB file quickly, with memory left as it was', async () => {
    const t = await withScorecard();
    for (const [label, declared] of [
      ['honest', null],
      ['lying', 4_096],
    ] as const) {
      const path = join(t.dir, `bomb-${label}.xlsx`);
      const file = bomb(declared);
      expect(file.length).toBeLessThan(2 * 1024 ** 2);
      writeFileSync(path, file);
      const before = rssMb();
      const started = Date.now();
      const error = await t.fail('import.inspect', { path, locale: 'en-GB' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error.code).toBe('FILE_ERROR');
      expect(error.message).toMatch(
        label === 'honest'
          ? /^The workbook's part "xl\/sharedStrings\.xml" expands to 1,192 MB, more than the 64 MB this app reads; it was not read\.$/u
          : /^The workbook's shared texts expand to more than 64 MB, .*; it was not read\.$/u,
      );
      expect(rssMb() - before).toBeLessThan(150);
    }
  }, 30_000);

  it('refuses a million and more tiny shared strings, and the same file as an import', async () => {
    const t = await withScorecard();
    const unit = text('<si><t>a</t></si>'.repeat(1_000));
    const path = join(t.dir, 'many.xlsx');
    writeFileSync(
      path,
      zip([
        stored('xl/workbook.xml', '<workbook/>'),
        {
          name: 'xl/sharedStrings.xml',
          data: repeatedDeflate(unit, 1_001),
          method: 8,
          size: unit.length * 1_001,
        },
      ]),
    );
    const error = await t.fail('import.inspect', { path, locale: 'en-GB' });
    expect(error.message).toBe(
      'The workbook has more than 1,000,000 different texts (shared strings), far more than a spreadsheet of KPI values holds; it was not read.',
    );
    const started = await t
      .fail('import.start', {
        path,
        sheet: 'Sheet1',
        format: null,
        mapping: LONG_MAPPING,
        numberLocale: 'en-GB',
        dayFirst: true,
        unknownKpis: { action: 'skip' },
      })
      .catch(() => null);
    // Refused at once, or as a failed job; either way nothing was read.
    expect(started === null || typeof started.message === 'string').toBe(true);
  });

  it('lets an ordinary workbook through', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Values');
    sheet.addRow(['KPI', 'Period', 'Value']);
    for (let i = 0; i < 2_000; i += 1) sheet.addRow([`KPI ${i % 50}`, '2026-01', i]);
    const path = join(ZIP_LIMITS.parts > 0 ? (await withScorecard()).dir : '', 'ok.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(checkWorkbookLimits(path)).resolves.toBeUndefined();
  });
});

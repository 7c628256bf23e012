import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeBackend } from '../backend/helpers';
import { SHIPPED_SAMPLE } from './export-helpers';

// Wide exports order their period columns by frequency, then time — months never interleaved
// with quarters — and the period bounds are read the way the import reads periods.

async function sample() {
  const t = makeBackend({ samplePath: SHIPPED_SAMPLE });
  await t.call('workspace.openSample', {});
  return t;
}

function wideHeader(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/u, '');
  const [header] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return (header ?? []).slice(4);
}

describe('wide values export', () => {
  it('puts every month, in order, before every quarter, and reads "Jan 2026" and "Q3 2026"', async () => {
    const t = await sample();
    const path = join(t.dir, 'wide.csv');
    await t.call('export.values', {
      format: 'csv',
      layout: 'wide',
      fromPeriod: 'Jan 2026',
      toPeriod: 'Q3 2026',
      destination: { kind: 'file', path },
    });
    const periods = wideHeader(path);
    const months = Array.from({ length: 9 }, (_, i) => `2026-0${String(i + 1)}`);
    expect(periods).toEqual([...months, '2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('takes the bounds in the spellings the import accepts, and names one it cannot read', async () => {
    const t = await sample();
    const exported = async (fromPeriod: string, toPeriod: string) => {
      const path = join(t.dir, `${fromPeriod}-${toPeriod}.csv`.replace(/[^\w.-]/gu, '_'));
      await t.call('export.values', {
        format: 'csv',
        layout: 'wide',
        fromPeriod,
        toPeriod,
        destination: { kind: 'file', path },
      });
      return wideHeader(path);
    };
    // A period is in when it starts inside the range: Q3 began before September.
    expect(await exported('Sep 2026', '2026-10')).toEqual(['2026-09', '2026-10']);
    expect(await exported('2026-Q3', 'Oct 2026')).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-Q3',
    ]);
    expect(await exported('30/09/2026', '31.10.2026')).toEqual(['2026-10']);
    const error = await t.fail('export.values', {
      format: 'csv',
      layout: 'wide',
      fromPeriod: 'Smarch 2026',
      destination: { kind: 'file', path: join(t.dir, 'never.csv') },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'fromPeriod' });
    expect(error.message).toMatch(/"Smarch" is not a month name/u);
  });
});

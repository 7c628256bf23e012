import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Kpi } from '@shared/domain/entities';
import { makeBackend, type TestBackend } from '../backend/helpers';

// Shared by the export tests: the sample workspace with a few hostile and negative values, and
// LibreOffice as the independent reader of what we write.

const run = promisify(execFile);

/** The sample that ships with the app (not the smaller test fixture). */
export const SHIPPED_SAMPLE = fileURLToPath(
  new URL('../../../resources/sample/sample-workspace.json', import.meta.url),
);

export const HOSTILE = {
  hyperlink: '=HYPERLINK("http://evil.example/steal","click me")',
  at: '@SUM(1)',
  multiline: '=1+1\nsecond line',
};

export interface SampleWithEdits extends TestBackend {
  kpis: Kpi[];
  kpi(code: string): Kpi;
}

/** The sample, with a negative cash flow and comments that spreadsheets would run as formulas. */
export async function sampleWithEdits(): Promise<SampleWithEdits> {
  const t = makeBackend({ samplePath: SHIPPED_SAMPLE });
  await t.call('workspace.openSample', {});
  const kpis = await t.call('kpi.list', {});
  const kpi = (code: string): Kpi => {
    const found = kpis.find((k) => k.code === code);
    if (!found) throw new Error(`no KPI ${code} in the sample`);
    return found;
  };
  await t.call('value.set', {
    kpiId: kpi('operating_cash_flow').id,
    period: '2026-10',
    value: -1200,
    comment: HOSTILE.hyperlink,
  });
  await t.call('value.setComment', {
    kpiId: kpi('waste_pct').id,
    period: '2026-09',
    comment: HOSTILE.at,
  });
  await t.call('value.setComment', {
    kpiId: kpi('csat').id,
    period: '2026-10',
    comment: HOSTILE.multiline,
  });
  return { ...t, kpis, kpi };
}

/**
 * soffice, with a private profile so parallel runs never share (and lock) one. LibreOffice now
 * and then aborts while it sets a new profile up on a busy machine ("Fatal exception: Signal
 * 6", a WrappedTargetRuntimeException, before it has read the file: seen once in a CI-like run
 * of the whole suite, never alone): such a crash is tried once more with a new profile. A file
 * LibreOffice reads wrongly still fails, as the checks are on what it wrote.
 */
export async function libreOfficeConvert(
  file: string,
  to: string,
  options: { infilter?: string } = {},
): Promise<string> {
  try {
    return await convertOnce(file, to, options);
  } catch (error) {
    if (!crashed(error)) throw error;
    return convertOnce(file, to, options);
  }
}

function crashed(error: unknown): boolean {
  const failure = error as { signal?: string | null; stderr?: string; message?: string };
  return (
    Boolean(failure.signal) ||
    /Fatal exception: Signal/.test(`${failure.stderr ?? ''}${failure.message ?? ''}`)
  );
}

async function convertOnce(
  file: string,
  to: string,
  options: { infilter?: string },
): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'kpis-lo-profile-'));
  const outdir = mkdtempSync(join(tmpdir(), 'kpis-lo-out-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outdir,
        file,
      ],
      { timeout: 120_000 },
    );
    const wanted = `${basename(file, extname(file))}.${to.split(':')[0] ?? ''}`;
    const made = readdirSync(outdir);
    if (!made.includes(wanted))
      throw new Error(`LibreOffice wrote ${made.join(', ') || 'nothing'}, not ${wanted}`);
    return join(outdir, wanted);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * LibreOffice's CSV export filter: comma, double quote, UTF-8, raw cell contents (not "as
 * shown", so numbers come back unformatted), formulas exported as formulas — a cell that had
 * become a formula would show up as one.
 */
export const CSV_RAW_WITH_FORMULAS =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,true,false';

export function readCsvRows(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

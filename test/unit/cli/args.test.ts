import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliArguments, parseCommandArgs } from '../../../electron/cli/args';
import { CliError } from '../../../electron/cli/errors';
import { numberStyle } from '../../../electron/cli/import-options';
import { viewOfPeriod } from '../../../electron/cli/scope';
import { renderTable, statusWords } from '../../../electron/cli/table';
import { bucketOf } from '@shared/scoring/calendar';

// The command line's pure parts: which words belong to the command, flags, period keys, the
// table a person reads.

describe('cliArguments (the desktop app with --cli)', () => {
  it('takes every word after --cli, and nothing when it is absent', () => {
    expect(
      cliArguments(['/opt/KPI Scorecard/kpi-scorecard', '--cli', 'status', 'a.kpis', '--json']),
    ).toEqual(['status', 'a.kpis', '--json']);
    expect(cliArguments(['electron', '.', '--cli'])).toEqual([]);
    expect(cliArguments(['kpi-scorecard', '/home/ana/a.kpis'])).toBeNull();
  });
});

describe('parseCommandArgs', () => {
  const options = { json: { type: 'boolean' as const }, period: { type: 'string' as const } };
  it('reads flags and positionals, and --help before anything else', () => {
    expect(
      parseCommandArgs('status', ['a.kpis', '--period', '2026-03'], options, {
        min: 1,
        max: 1,
        names: 'FILE',
      }),
    ).toMatchObject({
      positionals: ['a.kpis'],
      values: { period: '2026-03' },
    });
    expect(parseCommandArgs('status', ['--help'], options, { min: 1, max: 1, names: 'FILE' })).toBe(
      'help',
    );
  });
  it('calls an unknown option or a wrong number of files bad usage (exit 2)', () => {
    const usage = (argv: string[]) => {
      try {
        parseCommandArgs('status', argv, options, { min: 1, max: 1, names: 'one FILE.kpis' });
      } catch (error) {
        return error instanceof CliError ? [error.exitCode, error.message] : error;
      }
      return null;
    };
    expect(usage(['a.kpis', '--colour'])).toEqual([
      2,
      expect.stringContaining("Unknown option '--colour'"),
    ]);
    expect(usage([])).toEqual([2, 'kpis status needs one FILE.kpis. See: kpis status --help']);
    expect(usage(['a.kpis', 'b.kpis'])).toEqual([
      2,
      'kpis status takes only one FILE.kpis. See: kpis status --help',
    ]);
  });
});

describe('viewOfPeriod', () => {
  it('knows the view of every period key the scoring engine makes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2090 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('month', 'quarter', 'year'),
        fc.constantFrom('calendar', 'fiscal'),
        fc.integer({ min: 1, max: 12 }),
        (year, month, frequency, basis, start) => {
          const key = `${year}-${String(month).padStart(2, '0')}`;
          const bucket = bucketOf('monthly', key, {
            frequency,
            basis,
            fiscalYearStartMonth: start,
          });
          expect(bucket).not.toBeNull();
          expect(viewOfPeriod(bucket ?? '')?.frequency).toBe(frequency);
        },
      ),
    );
  });
  it('says no to what is not a period key', () => {
    for (const text of ['March', '2026-3', '2026-Q5', 'FY26', ''])
      expect(viewOfPeriod(text)).toBeNull();
  });
});

describe('numberStyle', () => {
  it('takes the short names and the wizard’s locales, and nothing else', () => {
    expect(['en', 'DE', 'fr', 'ch', 'de-CH'].map(numberStyle)).toEqual([
      'en-US',
      'de-DE',
      'fr-FR',
      'de-CH',
      'de-CH',
    ]);
    expect(() => numberStyle('it')).toThrow(
      /--number-style must be one of: en 1,234\.5, de 1\.234,5/u,
    );
  });
});

describe('renderTable', () => {
  it('pads columns to their widest cell whatever the colour codes, numbers to the right', () => {
    const table = renderTable(
      [
        { title: 'KPI', align: 'left' },
        { title: 'Value', align: 'right' },
        { title: 'Status', align: 'left' },
      ],
      [
        ['Café revenue', '€187,345', statusWords('on_track', true)],
        ['Wait', '4.3', statusWords('off_track', false)],
      ],
    );
    expect(table.split('\n')).toEqual([
      'KPI              Value  Status',
      '------------  --------  ---------',
      'Café revenue  €187,345  \u001b[32mOn track\u001b[0m',
      'Wait               4.3  Off track',
    ]);
  });
});

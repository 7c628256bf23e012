import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, kpis, sha256, tempDir } from './harness';

// `kpis new`, `status`, `export`, the help and the refusals, spawned as a user runs them on
// real workspace files: the sample the app ships, and files that are not what they claim.

// Each command is a fresh Node process; on a busy machine a few of them take more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
let sample: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
  const made = await kpis(dir, ['new', 'bakery.kpis', '--template', 'sample']);
  expect(made).toMatchObject({ code: 0, stderr: '' });
  sample = join(dir, 'bakery.kpis');
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the sample workspace for one test. */
function copyOfSample(name: string): string {
  const path = join(dir, name);
  cpSync(sample, path);
  return path;
}

describe('kpis --help and bad usage', () => {
  it('lists every subcommand with the exit codes, and each has its own help', async () => {
    const help = await kpis(dir, ['--help']);
    expect(help.code).toBe(0);
    for (const name of [
      'new',
      'status',
      'import',
      'import-definitions',
      'export',
      'report',
      'reminders',
      'library',
      'share',
      'join',
      'sync',
      'server',
      'health',
    ])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'mu'));
    expect(help.stdout).toContain(
      '3  status: something is off track; health: a finding of severity error is open',
    );

    const bare = await kpis(dir, []);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('Usage: kpis COMMAND');

    const status = await kpis(dir, ['status', '--help']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Usage: kpis status FILE.kpis');
  });

  it('refuses an unknown command or option with exit 2 and one line naming it', async () => {
    const command = await kpis(dir, ['stauts', 'bakery.kpis']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^kpis: there is no command "stauts"\. Commands: new, status/u);
    const option = await kpis(dir, ['status', 'bakery.kpis', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--colour'");
    expect(option.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await kpis(dir, ['export', 'bakery.kpis']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('kpis export needs FILE.kpis and OUT.csv|xlsx|json');
  });
});

describe('kpis new', () => {
  it('makes a blank workspace with one scorecard, and refuses to overwrite a file', async () => {
    const made = await kpis(dir, ['new', 'acme.kpis', '--name', 'Acme Ltd', '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({
      path: join(dir, 'acme.kpis'),
      name: 'Acme Ltd',
      template: 'blank',
    });
    const status = await kpis(dir, ['status', 'acme.kpis', '--json']);
    expect(status.code).toBe(0);
    const evaluation = JSON.parse(status.stdout) as {
      scorecard: { name: string };
      perspectives: { name: string }[];
    };
    expect(evaluation.scorecard.name).toBe('Acme Ltd');
    expect(evaluation.perspectives.map((p) => p.name)).toEqual([
      'Financial',
      'Customer',
      'Internal Process',
      'Learning & Growth',
    ]);

    const before = sha256(join(dir, 'acme.kpis'));
    const again = await kpis(dir, ['new', 'acme.kpis']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'kpis new: acme.kpis already exists; choose another name, or open that file.\n',
    );
    expect(sha256(join(dir, 'acme.kpis'))).toBe(before);
  });

  it('refuses an unknown template with the list of known ones, writing nothing', async () => {
    const run = await kpis(dir, ['new', 'x.kpis', '--template', 'bakery']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kpis new: There is no template "bakery". Known templates: blank, sample, small-business, saas, services, non-profit, retail, hospitality.\n',
    );
    expect(existsSync(join(dir, 'x.kpis'))).toBe(false);
  });
});

describe('kpis status', () => {
  it('shows the sample scorecard as a table with statuses in words and exits 3 (off track)', async () => {
    const run = await kpis(dir, ['status', 'bakery.kpis']);
    expect(run.code).toBe(3);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Harbour Street Bakery & Café (bakery.kpis), Oct 2026: At risk');
    expect(lines[2]).toMatch(/^Perspective \/ objective \/ KPI\s+Value\s+Target\s+Status$/u);
    expect(run.stdout).toMatch(/^Financial\s+At risk$/mu);
    expect(run.stdout).toMatch(/^ {2}Grow profitable revenue\s+Off track$/mu);
    expect(run.stdout).toMatch(/^ {4}Net profit margin\s+9\.6%\s+12\.0%\s+Off track$/mu);
    expect(run.stdout).toMatch(/^ {4}Operating cash flow\s+€8,350\s+€8,000\s+On track$/mu);
    // The five quarterly KPIs show their Q3 2026 in the October view (mixed-frequency.ts).
    expect(run.stdout).toContain('KPIs: 3 off track, 6 at risk, 11 on track.');
    expect(run.stdout).toContain('Scorecards below: Cafés: At risk, Wholesale: At risk.');
    // Not a terminal: no colour codes.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('prints JSON for another scorecard in a quarter, and exits 0 when nothing is off track', async () => {
    const run = await kpis(dir, [
      'status',
      'bakery.kpis',
      '--scorecard',
      'cafés',
      '--period',
      '2026-Q3',
      '--json',
    ]);
    const body = JSON.parse(run.stdout) as {
      scorecard: { name: string };
      view: string;
      period: string;
      offTrack: boolean;
      perspectives: {
        objectives: { kpis: { name: string; status: string; value: number | null }[] }[];
      }[];
    };
    expect(body).toMatchObject({
      scorecard: { name: 'Cafés' },
      view: 'quarter',
      period: '2026-Q3',
    });
    const rows = body.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    expect(rows).toEqual([
      expect.objectContaining({ name: 'Café revenue', value: 187345, status: 'on_track' }),
      expect.objectContaining({ name: 'Average wait at the counter', status: 'at_risk' }),
    ]);
    expect(body.offTrack).toBe(false);
    expect(run.code).toBe(0);
  });

  it('refuses an unknown scorecard or a bad period with exit 2 and one line', async () => {
    const scorecard = await kpis(dir, ['status', 'bakery.kpis', '--scorecard', 'Retail']);
    expect(scorecard.code).toBe(2);
    expect(scorecard.stderr).toBe(
      'kpis status: bakery.kpis has no scorecard "Retail". Its scorecards: "Harbour Street Bakery & Café", "Cafés", "Wholesale".\n',
    );
    const period = await kpis(dir, ['status', 'bakery.kpis', '--period', 'March']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--period must be a period key like 2026-03');
  });

  it('refuses a missing, a foreign and a newer file by name, leaving them as they were', async () => {
    const missing = await kpis(dir, ['status', 'nowhere.kpis']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^kpis status: "nowhere\.kpis" does not exist .*Check the path, or make a workspace with: kpis new FILE\.kpis\n$/u,
    );

    const foreign = join(dir, 'notes.kpis');
    writeFileSync(foreign, 'Meeting notes, not a workspace\n');
    const notWorkspace = await kpis(dir, ['status', 'notes.kpis']);
    expect(notWorkspace.code).toBe(1);
    expect(notWorkspace.stderr).toBe(
      'kpis status: "notes.kpis" is not a KPI Scorecard workspace (it is not an SQLite database).\n',
    );
    expect(readFileSync(foreign, 'utf8')).toBe('Meeting notes, not a workspace\n');

    const newer = copyOfSample('newer.kpis');
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const before = sha256(newer);
    const refused = await kpis(dir, ['status', 'newer.kpis']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^kpis status: "newer\.kpis" was written by a newer version of KPI Scorecard \(schema 99, .*update the app to open it\. The file was left unchanged\.\n$/u,
    );
    expect(sha256(newer)).toBe(before);
  });
});

describe('kpis export', () => {
  it('writes the values as CSV, a wide XLSX between two periods, and a JSON package', async () => {
    const csv = await kpis(dir, ['export', 'bakery.kpis', 'values.csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^Wrote .*values\.csv: [\d,]+ values\.\n$/u);
    const text = readFileSync(join(dir, 'values.csv'), 'utf8');
    expect(text.split(/\r?\n/u)[0]).toBe('\uFEFFKPI,Code,Unit,Period,Value,Status,Comment');
    expect(text).toMatch(/^Net profit margin,[^,]*,%,2026-10,9\.6,Off track,/mu);

    const wide = await kpis(dir, [
      'export',
      'bakery.kpis',
      'wide.xlsx',
      '--layout',
      'wide',
      '--from',
      '2026-01',
      '--to',
      '2026-06',
      '--json',
    ]);
    expect(wide.code).toBe(0);
    const written = JSON.parse(wide.stdout) as { path: string; rows: number; bytes: number };
    expect(written.path).toBe(join(dir, 'wide.xlsx'));
    expect(written.rows).toBeGreaterThan(0);
    expect(readFileSync(written.path).subarray(0, 2).toString()).toBe('PK');

    const pack = await kpis(dir, ['export', 'bakery.kpis', 'bakery.json']);
    expect(pack.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'bakery.json'), 'utf8')) as {
      workspace?: { name?: string };
    };
    expect(JSON.stringify(json)).toContain('Harbour Street Bakery');
  });

  it('reads its own XLSX export back as all unchanged, and names the sheets of a wrong --sheet', async () => {
    copyOfSample('roundtrip.kpis');
    expect((await kpis(dir, ['export', 'roundtrip.kpis', 'roundtrip.xlsx'])).code).toBe(0);
    const check = await kpis(dir, ['import', 'roundtrip.kpis', 'roundtrip.xlsx']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Nothing to import: roundtrip.kpis already has these values.');
    const back = await kpis(dir, ['import', 'roundtrip.kpis', 'roundtrip.xlsx', '--yes', '--json']);
    expect(back.code).toBe(0);
    const body = JSON.parse(back.stdout) as {
      summary: { newValues: number; changedValues: number; unchangedValues: number };
      result: { inserted: number; updated: number };
    };
    expect(body.summary).toMatchObject({ newValues: 0, changedValues: 0 });
    expect(body.summary.unchangedValues).toBeGreaterThan(400);
    expect(body.result).toMatchObject({ inserted: 0, updated: 0 });

    const sheet = await kpis(dir, [
      'import',
      'roundtrip.kpis',
      'roundtrip.xlsx',
      '--sheet',
      'March',
    ]);
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toMatch(
      /^kpis import: roundtrip\.xlsx has no sheet "March"\. Its sheets: "[^"]+"\.\n$/u,
    );
  });

  it('does not replace an existing file without --yes, and refuses an unknown format', async () => {
    writeFileSync(join(dir, 'keep.csv'), 'mine\n');
    const refused = await kpis(dir, ['export', 'bakery.kpis', 'keep.csv']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'kpis export: keep.csv already exists; pass --yes to replace it, or name another file.\n',
    );
    expect(readFileSync(join(dir, 'keep.csv'), 'utf8')).toBe('mine\n');
    const replaced = await kpis(dir, ['export', 'bakery.kpis', 'keep.csv', '--yes']);
    expect(replaced.code).toBe(0);
    expect(readFileSync(join(dir, 'keep.csv'), 'utf8')).toContain('Net profit margin');

    const format = await kpis(dir, ['export', 'bakery.kpis', 'values.ods']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe(
      'kpis export: OUT must end in .csv, .xlsx or .json; got "values.ods".\n',
    );
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, kpis, ROOT, sha256, tempDir } from './harness';

// A consultant's month with the command line on a new client file: KPI definitions from a
// spreadsheet, values from the client's export (dry run first, --yes to write), the scorecard,
// what is overdue. And what must never happen: a dry run that writes, an import into a file
// the app has open.

/** The month `back` months before this one, as a period key (2026-03). */
function monthKey(back: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

const DEFINITIONS =
  'KPI,Perspective,Objective,Unit,Direction,Frequency,Target,Owner\n' +
  'Footfall,Customer,Grow visits,visitors,higher is better,monthly,1200,Ana\n' +
  'Revenue,Financial,Grow revenue,EUR,higher is better,monthly,"15,000",Maria\n' +
  'Complaints,Customer,Grow visits,,lower is better,monthly,10,Tom\n' +
  'Bad target,Financial,Grow revenue,,,,lots,\n';

// Each command is a fresh Node process; on a busy machine a few of them take more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
  expect((await kpis(dir, ['new', 'client.kpis', '--name', 'Client'])).code).toBe(0);
  writeFileSync(join(dir, 'definitions.csv'), DEFINITIONS);
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kpis import-definitions', () => {
  it('prints the dry run, writes nothing without --yes, then imports the good rows', async () => {
    const file = join(dir, 'client.kpis');
    const before = sha256(file);
    const dry = await kpis(dir, ['import-definitions', 'client.kpis', 'definitions.csv']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run of definitions.csv into the scorecard "Client":');
    expect(dry.stdout).toMatch(/^ {2}3 new KPIs$/mu);
    expect(dry.stdout).toContain('  line 3: Revenue (new)');
    expect(dry.stdout).toContain('  line 5, column 7: the target "lots" is not a number');
    expect(dry.stdout).toContain('Nothing was written. Re-run with --yes to import.');
    expect(sha256(file)).toBe(before);

    const applied = await kpis(dir, [
      'import-definitions',
      'client.kpis',
      'definitions.csv',
      '--yes',
      '--json',
    ]);
    // One row could not be imported: exit 1, the three good ones are in.
    expect(applied.code).toBe(1);
    expect(JSON.parse(applied.stdout)).toMatchObject({
      applied: true,
      created: 3,
      updated: 0,
      problemCount: 1,
      scorecard: 'Client',
    });
  });
});

describe('kpis import', () => {
  const old = [monthKey(5), monthKey(4), monthKey(3)];

  it('counts a values file as the wizard does, writes nothing on a dry run, and imports with --yes', async () => {
    const csv =
      'KPI,Period,Value,Comment\n' +
      old.map((m) => `Footfall,${m},1300,\nRevenue,${m},"12,000",\nComplaints,${m},8,`).join('\n') +
      `\nFootfal,${old[0] ?? ''},5,\nRevenue,${old[1] ?? ''},lots,\n`;
    writeFileSync(join(dir, 'values.csv'), csv);
    const file = join(dir, 'client.kpis');
    const before = sha256(file);
    // "12,000" is twelve thousand or twelve, and nothing else in the file says which.
    const undecided = await kpis(dir, ['import', 'client.kpis', 'values.csv', '--dry-run']);
    expect(undecided.code).toBe(2);
    expect(undecided.stderr).toContain('"12,000" reads as 12,000 (--number-style en) or as 12');
    const en = ['--number-style', 'en'];

    for (const extra of [['--dry-run'], []]) {
      const dry = await kpis(dir, ['import', 'client.kpis', 'values.csv', ...en, ...extra]);
      expect(dry.code).toBe(1);
      expect(dry.stdout).toContain('Dry run of values.csv into client.kpis:');
      expect(dry.stdout).toMatch(
        /^ {2}9 new values\n {2}0 changed\n {2}0 unchanged\n {2}1 error$/mu,
      );
      expect(dry.stdout).toContain(
        `  "Footfal" (1 value, first at line 11, column 1) — did you mean "Footfall"?`,
      );
      expect(dry.stdout).toContain('  line 12, column 3: "lots" is not a number');
      expect(sha256(file)).toBe(before);
    }

    const applied = await kpis(dir, ['import', 'client.kpis', 'values.csv', ...en, '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain('Imported into client.kpis: 9 new, 0 changed, 0 unchanged.');
    expect(sha256(file)).not.toBe(before);

    // The same file again changes nothing.
    const again = await kpis(dir, [
      'import',
      'client.kpis',
      'values.csv',
      ...en,
      '--yes',
      '--json',
    ]);
    const body = JSON.parse(again.stdout) as { applied: boolean; result: unknown };
    expect(body).toMatchObject({
      applied: true,
      result: { inserted: 0, updated: 0, unchanged: 9, kpisCreated: 0 },
    });

    const status = await kpis(dir, ['status', 'client.kpis', '--period', old[2] ?? '']);
    expect(status.code).toBe(3);
    expect(status.stdout).toMatch(/^ {4}Revenue\s+€12,000\s+€15,000\s+Off track$/mu);
    expect(status.stdout).toMatch(/^ {4}Footfall\s+1,300 visitors\s+1,200 visitors\s+On track$/mu);
  });

  it('reads a German number style, shows old → new, and creates unknown KPIs under an objective', async () => {
    writeFileSync(
      join(dir, 'de.csv'),
      `KPI;Period;Value\nFootfall;${old[2] ?? ''};1.234,5\nCoffee sold;${old[2] ?? ''};2.000\n`,
    );
    const run = await kpis(dir, [
      'import',
      'client.kpis',
      'de.csv',
      '--number-style',
      'de',
      '--create-unknown',
      'grow visits',
      '--yes',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  Footfall, ${old[2] ?? ''}: 1300 → 1234.5`);
    expect(run.stdout).toContain('  1 new KPI\n');
    expect(run.stdout).toContain(
      'Imported into client.kpis: 1 new, 1 changed, 0 unchanged, 1 KPI created.',
    );
    const status = JSON.parse(
      (await kpis(dir, ['status', 'client.kpis', '--period', old[2] ?? '', '--json'])).stdout,
    ) as {
      perspectives: { objectives: { name: string; kpis: { name: string; value: number }[] }[] }[];
    };
    const visits = status.perspectives
      .flatMap((p) => p.objectives)
      .find((o) => o.name === 'Grow visits');
    expect(visits?.kpis.map((k) => [k.name, k.value])).toEqual(
      expect.arrayContaining([
        ['Footfall', 1234.5],
        ['Coffee sold', 2000],
      ]),
    );
  });

  it('reads dates day first or month first as told', async () => {
    const [year, month] = (old[2] ?? '').split('-');
    writeFileSync(
      join(dir, 'dates.csv'),
      `KPI,Date,Value\nFootfall,13/${month ?? ''}/${year ?? ''},1300\n`,
    );
    const dryRun = async (flag: string) =>
      JSON.parse(
        (await kpis(dir, ['import', 'client.kpis', 'dates.csv', flag, '--dry-run', '--json']))
          .stdout,
      ) as {
        summary: { changedValues: number; problemCount: number; changes: { period: string }[] };
      };
    const dayFirst = await dryRun('--day-first');
    expect(dayFirst.summary).toMatchObject({ changedValues: 1, problemCount: 0 });
    expect(dayFirst.summary.changes[0]?.period).toBe(old[2]);
    const monthFirst = await dryRun('--no-day-first');
    expect(monthFirst.summary).toMatchObject({ changedValues: 0, problemCount: 1 });
  });

  it('refuses bad options and a file it cannot read with one line, writing nothing', async () => {
    const file = join(dir, 'client.kpis');
    const before = sha256(file);
    const style = await kpis(dir, ['import', 'client.kpis', 'values.csv', '--number-style', 'xx']);
    expect(style.code).toBe(2);
    expect(style.stderr).toMatch(/^kpis import: --number-style must be one of: en 1,234\.5, de/u);
    const objective = await kpis(dir, [
      'import',
      'client.kpis',
      'values.csv',
      '--create-unknown',
      'Nope',
    ]);
    expect(objective.code).toBe(2);
    expect(objective.stderr).toMatch(
      /^kpis import: client\.kpis has no objective "Nope"\. Its objectives: /u,
    );
    const missing = await kpis(dir, ['import', 'client.kpis', 'gone.csv', '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kpis import: The file ".*gone\.csv" cannot be read/u);
    expect(sha256(file)).toBe(before);
  });

  it('is refused while the workspace is open elsewhere, with the app’s message', async () => {
    const file = join(dir, 'client.kpis');
    const holder = spawn(
      process.execPath,
      [join(ROOT, 'test', 'fixtures', 'hold-workspace.mjs'), 'hold', file],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((done) => {
      holder.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('holding')) done();
      });
    });
    try {
      const before = sha256(file);
      const run = await kpis(dir, ['import', 'client.kpis', 'values.csv', '--yes']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'kpis import: "client.kpis" is open in another KPI Scorecard window or program. Close it there, then try again.\n',
      );
      expect(sha256(file)).toBe(before);
    } finally {
      const ended = new Promise((done) => holder.on('exit', done));
      holder.stdin.end();
      await ended;
    }
  });
});

describe('kpis import never guesses what the file leaves open', () => {
  const valueOf = async (file: string, period: string, name: string, scorecard?: string) => {
    const run = await kpis(dir, [
      'status',
      file,
      '--period',
      period,
      '--json',
      ...(scorecard === undefined ? [] : ['--scorecard', scorecard]),
    ]);
    const status = JSON.parse(run.stdout) as {
      perspectives: { objectives: { kpis: { name: string; value: number | null }[] }[] }[];
    };
    return status.perspectives
      .flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .find((k) => k.name === name)?.value;
  };

  beforeAll(async () => {
    expect((await kpis(dir, ['new', 'trust.kpis', '--template', 'sample'])).code).toBe(0);
  });

  it('refuses a number style nothing in the file decides, showing one number read both ways', async () => {
    const file = join(dir, 'trust.kpis');
    writeFileSync(join(dir, 'members.csv'), 'KPI,Period,Value\nLoyalty members,2026-10,1.968\n');
    const before = sha256(file);
    const refused = await kpis(dir, ['import', 'trust.kpis', 'members.csv', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^kpis import: nothing in members\.csv says how its numbers are written: "1\.968" reads as 1,968 \(--number-style de\) or as 1\.968 \(--number-style en\)\./u,
    );
    expect(sha256(file)).toBe(before);
    const told = await kpis(dir, [
      'import',
      'trust.kpis',
      'members.csv',
      '--number-style',
      'de',
      '--yes',
    ]);
    expect(told.code).toBe(0);
    expect(await valueOf('trust.kpis', '2026-10', 'Loyalty members')).toBe(1968);
  });

  it('refuses fractions going into a Percent KPI until --fractions says how to read them', async () => {
    const file = join(dir, 'trust.kpis');
    writeFileSync(join(dir, 'margin.csv'), 'KPI,Period,Value\nNet profit margin,2026-10,0.105\n');
    const before = sha256(file);
    const refused = await kpis(dir, ['import', 'trust.kpis', 'margin.csv', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(
      'Net profit margin is a percentage given 1 value written as fractions (0.105): --fractions percent reads 0.105 as 10.5 %',
    );
    expect(refused.stderr).toMatch(/nothing was written\. .*--fractions percent\|as-written/u);
    expect(sha256(file)).toBe(before);
    const told = await kpis(dir, [
      'import',
      'trust.kpis',
      'margin.csv',
      '--fractions',
      'percent',
      '--yes',
    ]);
    expect(told.stderr).toBe('');
    expect(told.code).toBe(0);
    expect(await valueOf('trust.kpis', '2026-10', 'Net profit margin')).toBe(10.5);
  });

  it('refuses a value 100× off its history until --accept-unusual keeps it', async () => {
    const file = join(dir, 'trust.kpis');
    writeFileSync(join(dir, 'revenue.csv'), 'KPI,Period,Value\nCafé revenue,2026-10,850\n');
    const before = sha256(file);
    const refused = await kpis(dir, ['import', 'trust.kpis', 'revenue.csv', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/Café revenue, 2026-10: 850 is about 100× smaller than/u);
    expect(refused.stderr).toMatch(/--accept-unusual/u);
    expect(sha256(file)).toBe(before);
    const kept = await kpis(dir, [
      'import',
      'trust.kpis',
      'revenue.csv',
      '--accept-unusual',
      '--yes',
    ]);
    expect(kept.code).toBe(0);
    expect(await valueOf('trust.kpis', '2026-10', 'Café revenue', 'Cafés')).toBe(850);
  });
});

describe('kpis reminders', () => {
  it('lists the months whose values are overdue and writes the calendar', async () => {
    const run = await kpis(dir, ['reminders', 'client.kpis', '--ics', 'client.ics', '--json']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as {
      counts: { overdue: number; due: number };
      items: { state: string; kind: string; title: string; period: string | null; owner: string }[];
    };
    // Values were entered up to three months ago: the month after is overdue for each KPI
    // (Coffee sold, made by the import, has no owner).
    const gap = monthKey(2);
    const overdue = body.items.filter((item) => item.state === 'overdue' && item.period === gap);
    expect(overdue.map((item) => item.owner).sort()).toEqual(['', 'Ana', 'Maria', 'Tom']);
    expect(overdue.find((item) => item.owner === 'Maria')?.title).toContain('Revenue');
    expect(body.counts.overdue).toBeGreaterThanOrEqual(4);
    const ics = readFileSync(join(dir, 'client.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);

    const text = await kpis(dir, ['reminders', 'client.kpis']);
    expect(text.stdout).toMatch(/^client\.kpis: \d+ overdue, \d+ due now\.\n\nOverdue\n/u);
    expect(text.stdout).toContain('value of Footfall is due');
    expect(existsSync(join(dir, 'client.ics'))).toBe(true);
  });
});

import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, kpis, ROOT, sha256, tempDir } from './harness';

// What changes when a person runs kpis in a terminal rather than a script: colour (unless
// NO_COLOR), progress, and a y/N question before an import is written. `script` (util-linux)
// gives the command a pseudo-terminal.

// Each command is a fresh Node process; on a busy machine a few of them take more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
  expect((await kpis(dir, ['new', 'bakery.kpis', '--template', 'sample'])).code).toBe(0);
  writeFileSync(
    join(dir, 'october.csv'),
    'KPI,Period,Value\nTotal revenue,2026-10,86000\nNet profit margin,2026-10,12.5\n',
  );
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const escape = (text: string): string => text.replace(/[[\]\\.*+?^${}()|]/gu, '\\$&');
const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** Runs kpis on a terminal, typing `input`; returns everything the terminal showed. */
function inTerminal(
  args: readonly string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, join(ROOT, 'bin', 'kpis.mjs'), ...args].map(quote).join(' ');
  const base = { ...process.env };
  delete base.NO_COLOR;
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      env: { ...base, LC_ALL: 'en_US.UTF-8', TZ: 'UTC', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      // Answer once the question is on the screen.
      if (input !== '' && screen.includes('[y/N]')) {
        child.stdin.write(input);
        input = '';
      }
    });
    child.on('error', fail);
    child.on('close', (code) => {
      done({ code, screen });
    });
  });
}

describe('kpis in a terminal', () => {
  it('colours the statuses, and not when NO_COLOR is set', async () => {
    const coloured = await inTerminal(['status', 'bakery.kpis'], '');
    expect(coloured.code).toBe(3);
    const red = '\u001b[31m';
    const reset = '\u001b[0m';
    expect(coloured.screen).toMatch(
      new RegExp(
        `Net profit margin\\s+9\\.6%\\s+12\\.0%\\s+${escape(red)}Off track${escape(reset)}`,
        'u',
      ),
    );
    expect(coloured.screen).toContain('\u001b[32mOn track\u001b[0m');

    const plain = await inTerminal(['status', 'bakery.kpis'], '', { NO_COLOR: '1' });
    expect(plain.code).toBe(3);
    expect(plain.screen).toMatch(/Net profit margin\s+9\.6%\s+12\.0%\s+Off track/u);
    expect(plain.screen).not.toContain('\u001b[3');
  });

  it('asks before importing: no leaves the file as it was, yes writes it', async () => {
    const file = join(dir, 'bakery.kpis');
    const before = sha256(file);
    const no = await inTerminal(['import', 'bakery.kpis', 'october.csv'], 'n\n');
    expect(no.code).toBe(0);
    expect(no.screen).toContain('Import 2 values into bakery.kpis? [y/N]');
    expect(no.screen).toContain('Nothing was written. Re-run with --yes to import.');
    expect(sha256(file)).toBe(before);

    const yes = await inTerminal(['import', 'bakery.kpis', 'october.csv'], 'y\n');
    expect(yes.code).toBe(0);
    // Progress is shown on the terminal (stderr), then the outcome.
    expect(yes.screen).toContain('Writing october.csv: done.');
    expect(yes.screen).toContain('Imported into bakery.kpis: 0 new, 2 changed, 0 unchanged.');
    const status = await kpis(dir, ['status', 'bakery.kpis']);
    expect(status.stdout).toMatch(/^ {4}Net profit margin\s+12\.5%\s+12\.0%\s+On track$/mu);
  });
});

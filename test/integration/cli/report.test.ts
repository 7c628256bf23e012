import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, kpis, tempDir } from './harness';

// `kpis report`: the app's board report printed by Chromium, read back with poppler (the same
// tools the report's end-to-end test uses).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Each command is a fresh Node process; on a busy machine a few of them take more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
  expect((await kpis(dir, ['new', 'bakery.kpis', '--template', 'sample'])).code).toBe(0);
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

/** The text of the first page that contains `heading`, or null. */
function pageWith(path: string, heading: string): string | null {
  const pages = poppler('pdftotext', '-layout', path, '-').split('\f');
  return pages.find((page) => page.includes(heading)) ?? null;
}

describe('kpis report', () => {
  it('prints the board report of a scorecard on Letter landscape', async () => {
    const run = await kpis(dir, [
      'report',
      'bakery.kpis',
      'cafes.pdf',
      '--scorecard',
      'Cafés',
      '--period',
      '2026-09',
      '--paper',
      'letter',
      '--landscape',
      '--chromium',
      CHROMIUM,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Wrote cafes.pdf: the board report of "Cafés", Sep 2026.\n');
    const path = join(dir, 'cafes.pdf');
    expect(poppler('pdfinfo', path)).toMatch(/^Page size:\s+792 x 612 pts \(letter\)$/mu);
    const text = poppler('pdftotext', '-layout', path, '-');
    expect(text).toContain('Board report');
    expect(text).toContain('Cafés');
    expect(text).toContain('September 2026');
    expect(text).toContain('Average wait at the counter');
    expect(text).toMatch(/Page 1 of \d+/u);
  }, 120_000);

  it('prints the whole company on A4 portrait by default, as JSON for a script', async () => {
    const run = await kpis(dir, ['report', 'bakery.kpis', 'board.pdf', '--json'], {
      CHROMIUM_PATH: CHROMIUM,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      path: join(dir, 'board.pdf'),
      scorecard: 'Harbour Street Bakery & Café',
      period: '2026-10',
    });
    const info = poppler('pdfinfo', join(dir, 'board.pdf'));
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/mu);
    expect(Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1])).toBeGreaterThan(3);
    const text = poppler('pdftotext', '-layout', join(dir, 'board.pdf'), '-');
    for (const offTrack of [
      'Net profit margin',
      'Online shop conversion rate',
      'Unsold bread written off',
    ])
      expect(text).toContain(offTrack);

    // The strategy-map page: its objectives drawn as vector text, and every link in words.
    const mapPage = pageWith(join(dir, 'board.pdf'), 'Strategy map');
    expect(mapPage).not.toBeNull();
    for (const objective of [
      'Grow profitable revenue',
      'Delight our guests',
      'Bake on time, every time',
      'A skilled and stable team',
      'Fast, friendly service',
    ])
      expect(mapPage).toContain(objective);
    expect(mapPage).toMatch(/(On track|At risk|Off track|No data)/u);
    expect(mapPage?.replace(/\s+/gu, ' ')).toContain(
      'Bake on time, every time → Delight our guests: fresh bread when the doors open',
    );
    // Vector, not a picture: the page has no images.
    expect(poppler('pdfimages', '-list', join(dir, 'board.pdf')).split('\n').length).toBeLessThan(
      4,
    );
  }, 120_000);

  it('says where no Chromium was found, and refuses a bad period, writing no PDF', async () => {
    const none = await kpis(dir, [
      'report',
      'bakery.kpis',
      'none.pdf',
      '--chromium',
      join(dir, 'no-chromium'),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `kpis report: No Chromium was found at ${join(dir, 'no-chromium')} (from --chromium); name the Chromium executable.\n`,
    );
    const period = await kpis(dir, ['report', 'bakery.kpis', 'none.pdf', '--period', 'last month']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--period must be a period key');
    writeFileSync(join(dir, 'kept.pdf'), 'mine');
    const kept = await kpis(dir, ['report', 'bakery.kpis', 'kept.pdf']);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('kept.pdf already exists; pass --yes to replace it');
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
  });
});

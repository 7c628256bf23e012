import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { apiCaller, expect, openSample, test } from './fixtures';

// What the board report offers and how its status table falls on paper: no month that has not
// happened and holds nothing in the period list, and no printed page holding a single row of
// the status table (read back from the PDF with poppler, page by page).

const OUT = 'test-results/report-pages';

async function openReport(page: Page) {
  await page.getByRole('button', { name: 'Board report…' }).click();
  await expectReady(page);
}

async function expectReady(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Preview ready' })).toBeVisible({
    timeout: 20_000,
  });
}

/** The month `steps` months from now, as a period key (the server's clock is UTC). */
function monthFromNow(steps: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + steps, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * Prints the report and counts, on each page of the status table (the pages that repeat its
 * header), the lines that start one of the table's rows.
 */
async function statusRowsPerPage(page: Page, name: string): Promise<string[][]> {
  const names = await page
    .getByRole('region', { name: 'Status by perspective' })
    .locator('tbody tr > th')
    .allTextContents();
  // A long name may wrap: a row is found by the start of its name.
  const starts = names.map((text) => text.trim().slice(0, 14));
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${name}.pdf`;
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', path, `${OUT}/${name}`]);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const result: string[][] = [];
  for (let n = 1; n <= pages; n += 1) {
    const text = execFileSync(
      'pdftotext',
      ['-layout', '-f', String(n), '-l', String(n), path, '-'],
      { encoding: 'utf8' },
    );
    if (!text.includes('Perspective / objective / KPI')) continue;
    const lines = text.split('\n').map((line) => line.trim());
    result.push(lines.filter((line) => starts.some((start) => line.startsWith(start))));
  }
  return result;
}

test('the period list offers no future month without data', async ({ page, app }) => {
  await openSample(page, app);
  const call = apiCaller(page, app);
  const kpis = (await call('kpi.list', {})) as { id: string; name: string }[];
  const revenue = kpis.find((kpi) => kpi.name === 'Total revenue');
  // A value two months ahead (a plan someone typed early) is offered; nothing after it is.
  const ahead = monthFromNow(2);
  await call('value.set', { kpiId: revenue?.id, period: ahead, value: 90_000 });
  await openReport(page);

  const period = page.getByRole('form', { name: 'Report options' }).getByLabel('Period');
  const offered = await period.getByRole('option').evaluateAll((options) =>
    options.map((option) => ({
      key: (option as HTMLOptionElement).value,
      label: option.textContent,
    })),
  );
  const keys = offered.map((option) => option.key);
  expect(keys).toContain(ahead);
  expect(keys).toContain(monthFromNow(0));
  expect(keys).not.toContain(monthFromNow(3));
  const future = offered.filter((option) => option.key !== '' && option.key > monthFromNow(0));
  for (const { key, label } of future) {
    expect(label, `${key} is offered`).not.toContain('(no data)');
    expect(key).toBe(ahead);
  }
});

test('no page of the status table holds a single row', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openSample(page, app);
  await openReport(page);
  for (const rows of await statusRowsPerPage(page, 'sample'))
    expect(rows.length).toBeGreaterThan(1);
  await page.getByRole('button', { name: '← Back to the scorecard' }).click();

  // One perspective, objectives of five KPIs: 52 KPIs make 64 rows, which on A4 portrait
  // leave the last KPI alone on a page when rows may break anywhere (measured: 27 + 36 + 1).
  const call = apiCaller(page, app);
  const card = (await call('scorecard.create', { name: 'Paged' })) as { id: string };
  const perspective = (await call('perspective.create', {
    scorecardId: card.id,
    name: 'Zeta perspective',
  })) as { id: string };
  let objective = { id: '' };
  for (let i = 0; i < 52; i += 1) {
    if (i % 5 === 0)
      objective = (await call('objective.create', {
        perspectiveId: perspective.id,
        name: `Goal ${String(i / 5 + 1).padStart(2, '0')}`,
      })) as { id: string };
    await call('kpi.create', {
      objectiveId: objective.id,
      name: `Measure ${String(i + 1).padStart(3, '0')}`,
    });
  }
  await openReport(page);
  const options = page.getByRole('form', { name: 'Report options' });
  await options.getByLabel('Scorecard', { exact: true }).selectOption({ label: 'Paged' });
  await expect(
    page.getByRole('region', { name: 'Status by perspective' }).getByText('Measure 052'),
  ).toBeVisible();
  await expectReady(page);
  const pages = await statusRowsPerPage(page, 'paged');
  expect(pages.length).toBeGreaterThan(1);
  for (const rows of pages) expect(rows.length).toBeGreaterThan(1);
  // Every row printed once, in order: keeping rows together lost none.
  const measures = pages.flat().filter((line) => line.startsWith('Measure'));
  expect(measures.map((line) => line.slice(0, 11))).toEqual(
    Array.from({ length: 52 }, (_, i) => `Measure ${String(i + 1).padStart(3, '0')}`),
  );
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiCaller, expect, openSample, test } from './fixtures';

// The PDF board report, as a board member gets it: made from the sample workspace in Chromium's
// print engine (the same `page.pdf()` engine as the desktop app's printToPDF), then read back
// with poppler — text, page count and size, embedded fonts — and rendered to PNG pages for a
// person to look at (test-results/report/).

const OUT = 'test-results/report';
const OFF_TRACK = ['Net profit margin', 'Online shop conversion rate', 'Unsold bread written off'];
const PNG = readFileSync('resources/icons/icon.png');

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

async function openReport(page: Page) {
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Board report…' }).click();
  await expectReady(page);
}

async function expectReady(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Preview ready' })).toBeVisible({
    timeout: 20_000,
  });
}

async function printPdf(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.pdf`);
  // What "Save PDF" does: Chromium prints the report view with the page size its CSS asks for.
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  const info = poppler('pdfinfo', path);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '';
  const title = /^Title:\s+(.*)$/m.exec(info)?.[1] ?? '';
  const text = poppler('pdftotext', '-layout', path, '-');
  const fonts = poppler('pdffonts', path);
  // Pages as pictures, for a person (and the report of this issue) to look at.
  for (const file of readdirSync(OUT).filter((f) => f.startsWith(`${name}-`)))
    rmSync(join(OUT, file));
  poppler('pdftoppm', '-png', '-r', '60', path, join(OUT, name));
  return { path, pages, size, title, text, fonts };
}

test('the board report of the sample prints on A4 and Letter with every off-track KPI', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  // An action plan, added where people look at a KPI: its detail dialog.
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await detail.getByLabel('New action').fill('Renegotiate the flour contract');
  await detail.getByLabel('Owner').fill('Maria');
  await detail.getByLabel('Due date').fill('2026-12-15');
  await detail.getByRole('button', { name: 'Add action plan' }).click();
  await expect(
    detail.getByRole('combobox', { name: 'Status of Renegotiate the flour contract' }),
  ).toHaveValue('planned');
  await detail
    .getByRole('combobox', { name: 'Status of Renegotiate the flour contract' })
    .selectOption('in_progress');
  await detail.getByRole('button', { name: 'Close' }).click();

  await openReport(page);
  const options = page.getByRole('form', { name: 'Report options' });
  const preview = page.getByRole('article', { name: 'Board report' });

  await options.getByLabel('Title').fill('Board pack');
  await options.getByLabel('Author').fill('Ana Ferreira, CFO');
  await options.getByLabel('Confidentiality line').fill('Confidential: board members only');
  await options.getByLabel('Logo (PNG or JPEG)').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await expect(preview.getByRole('img', { name: 'Logo' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Board pack', level: 1 })).toBeVisible();
  await expectReady(page);

  // The executive summary lists each off-track KPI with its value and target.
  const summary = preview.getByRole('region', { name: 'Executive summary' });
  const expected = new Map<string, { value: string; target: string }>();
  for (const name of OFF_TRACK) {
    const row = summary.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Off track');
    const cells = row.getByRole('cell');
    expected.set(name, {
      value: (await cells.nth(1).textContent()) ?? '',
      target: (await cells.nth(2).textContent()) ?? '',
    });
  }
  expect(expected.get('Net profit margin')?.value).toBe('9.6%');
  await expect(
    preview.getByRole('region', { name: 'Status by perspective' }).getByRole('columnheader'),
  ).toHaveText(['Perspective / objective / KPI', 'Value', 'Target', 'Variance', 'Status', 'Trend']);
  await expect(preview.getByRole('img', { name: /^Net profit margin: 12 periods/ })).toBeVisible();
  await expect(
    preview
      .getByRole('region', { name: 'Action plans' })
      .getByRole('row', { name: /Renegotiate the flour contract/ }),
  ).toContainText(/Net profit margin.*Maria.*15 December 2026.*In progress/);

  // The shipped font, not whatever the system has, is what the report is set in.
  const shipped = await page.evaluate(() =>
    [...document.fonts]
      .filter((font) => font.family.includes('Report Sans') && font.status === 'loaded')
      .map((font) => font.weight)
      .sort(),
  );
  expect(shipped).toEqual(['400', '700']);

  const a4 = await printPdf(page, 'sample-a4-portrait');
  expect(a4.size).toContain('(A4)');
  // The PDF's Title metadata is the report's title, not the app's name.
  expect(a4.title).toBe('Board pack');
  expect(a4.pages).toBeGreaterThanOrEqual(5);
  expect(a4.text).toContain('Board pack');
  expect(a4.text).toContain('Confidential: board members only');
  expect(a4.text).toContain(`Page 1 of ${a4.pages}`);
  expect(a4.text).toContain(`Page ${a4.pages} of ${a4.pages}`);
  for (const [name, { value, target }] of expected) {
    const line = a4.text.split('\n').find((l) => l.includes(name) && l.includes(value));
    expect(line, `a line with ${name} and ${value}`).toBeDefined();
    expect(line).toContain(target);
  }
  expect(a4.text).toContain('Renegotiate the flour contract');
  expect(a4.fonts).toMatch(/DejaVuSans\s.*\syes\s+yes/);
  expect(a4.fonts).toMatch(/DejaVuSans-Bold\s.*\syes\s+yes/);

  await options.getByLabel('Paper size').selectOption('Letter');
  await options.getByLabel('Orientation').selectOption('landscape');
  await expectReady(page);
  const letter = await printPdf(page, 'sample-letter-landscape');
  expect(letter.size).toMatch(/^792 x 612 pts \(letter\)/);
  expect(letter.text).toContain(`Page 1 of ${letter.pages}`);
  for (const name of OFF_TRACK) expect(letter.text).toContain(name);

  // In browser mode "Save PDF…" hands the report to the browser's print dialog.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  // Remembered for next time, in the workspace, even when the screen closes at once.
  await options.getByLabel('Author').fill('Ana Ferreira, CFO, for the board');
  await page.getByRole('button', { name: '← Back to the scorecard' }).click();
  await page.getByRole('button', { name: 'Board report…' }).click();
  await expectReady(page);
  await expect(options.getByLabel('Title')).toHaveValue('Board pack');
  await expect(options.getByLabel('Paper size')).toHaveValue('Letter');
  await expect(options.getByLabel('Author')).toHaveValue('Ana Ferreira, CFO, for the board');
});

test('hostile text stays text and wraps; an empty period says there is no data', async ({
  page,
  app,
}) => {
  let alerted = false;
  page.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await openSample(page, app);
  const call = apiCaller(page, app);
  const kpis = (await call('kpi.list', {})) as { id: string; name: string }[];
  const margin = kpis.find((kpi) => kpi.name === 'Net profit margin');
  if (!margin) throw new Error('the sample has no Net profit margin');
  // The longest name a KPI may have (200 characters), markup included.
  const hostile = `<img src=x onerror=alert(1)> ${'Margin after everything '.repeat(8)}`.slice(
    0,
    200,
  );
  const comment =
    `<script>alert(2)</script> ${'The supplier raised prices again; '.repeat(60)}`.slice(0, 2000);
  await call('kpi.update', { id: margin.id, patch: { name: hostile } });
  await call('value.setComment', { kpiId: margin.id, period: '2026-10', comment });
  await call('actionPlan.create', {
    kpiId: margin.id,
    title: '<b>Renegotiate</b> the flour contract',
    owner: 'Ana',
    dueDate: '2026-04-30',
  });

  await page.reload();
  await page.getByRole('button', { name: 'Board report…' }).click();
  await expectReady(page);
  const options = page.getByRole('form', { name: 'Report options' });
  const preview = page.getByRole('article', { name: 'Board report' });
  // A 300-character confidentiality line that tries to close its CSS string and rule.
  const secret =
    `Confidential"; } @page { size: A3; } .x { content: " ${'restricted '.repeat(30)}`.slice(
      0,
      300,
    );
  await options.getByLabel('Confidentiality line').fill(secret);
  await expectReady(page);
  await expect(preview.getByText(hostile).first()).toBeVisible();
  await expect(preview.getByText('<b>Renegotiate</b> the flour contract')).toBeVisible();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  // The long name and comment wrap inside the page instead of widening it.
  const paper = await preview.boundingBox();
  const cell = await preview.getByRole('cell', { name: /^Comment: <script>alert/ }).boundingBox();
  expect(cell && paper && cell.x + cell.width <= paper.x + paper.width + 1).toBe(true);

  const pdf = await printPdf(page, 'hostile-a4');
  const flat = pdf.text.replace(/\s+/g, ' ');
  expect(flat).toContain('<img src=x onerror=alert(1)>');
  expect(flat).toContain('<b>Renegotiate</b> the flour');
  expect(flat).toContain('The supplier raised prices again;');
  expect(pdf.size).toContain('(A4)');
  expect(flat).toContain('Confidential"; } @page { size: A3; }');
  expect(alerted).toBe(false);

  // The oldest period offered, from before the sample's first values (no future month without
  // data is offered any more).
  const period = options.getByLabel('Period');
  const empty = await period
    .locator('option', { hasText: '(no data)' })
    .last()
    .getAttribute('value');
  await period.selectOption(empty ?? '');
  await expectReady(page);
  await expect(preview).toContainText('No values have been entered for');
  const none = await printPdf(page, 'empty-period-a4');
  expect(none.text.replace(/\s+/g, ' ')).toContain('No values have been entered for');
  expect(none.text).toContain(`Page 1 of ${none.pages}`);
});

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readPackage } from '../../shared/transfer/package-reader';
import { chooseFromFileMenu, expect, openSample, test } from './fixtures';

// Export from the workspace's top bar in browser mode: the file arrives as a browser download.

test('exports the sample as XLSX and the browser downloads a real workbook', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await chooseFromFileMenu(page, 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Excel workbook (XLSX) of values' }).check();
  await dialog.getByRole('radio', { name: 'Long: one row per KPI and period' }).check();
  await dialog.getByRole('radio', { name: 'The whole workspace' }).check();

  const downloadEvent = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(
    /^Harbour Street Bakery & Café values \d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  await expect(dialog.getByRole('status')).toContainText('rows as');

  const path = await download.path();
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Values');
  if (!sheet) throw new Error('no Values sheet');
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    'KPI',
    'Code',
    'Unit',
    'Period',
    'Value',
    'Status',
    'Comment',
  ]);
  expect(sheet.rowCount).toBeGreaterThan(300);
  const revenue = sheet
    .getRows(2, sheet.rowCount - 1)
    ?.find((row) => row.getCell(2).value === 'revenue');
  expect(revenue?.getCell(5).type).toBe(ExcelJS.ValueType.Number);
  expect(revenue?.getCell(4).type).toBe(ExcelJS.ValueType.Date);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('exports the scorecard on screen as a JSON package another copy can read', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page
    .getByRole('navigation', { name: 'Scorecards' })
    .getByRole('button', { name: 'Cafés' })
    .click();
  await chooseFromFileMenu(page, 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /JSON package/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Long/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: /The scorecard “Cafés”/ }).check();
  const downloadEvent = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadEvent;
  const result = readPackage(readFileSync(await download.path(), 'utf8'));
  if (!result.ok) throw new Error(result.message);
  expect(result.package.scope.kind).toBe('scorecard');
  expect(result.package.scorecards.map((s) => s.name)).toEqual(['Cafés']);
});

test('a period that is not a period is named next to its field', async ({ page, app }) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('textbox', { name: 'From period' }).fill('March');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'From period' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(dialog).toContainText('"March" is not a period');
});

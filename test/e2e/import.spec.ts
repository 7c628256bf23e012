import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseFromFileMenu, expect, test } from './fixtures';

// Importing a spreadsheet the way a user does: pick the file, check the columns the app
// guessed, read the dry run, apply, and see the new value on the scorecard.

test('a wide European CSV is imported through the wizard', async ({ page, app }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'kpis-e2e-')), 'november.csv');
  writeFileSync(
    file,
    '\uFEFFHarbour Street — November figures;;\r\n' +
      'KPI;Nov 2026;Dec 2026\r\n' +
      'Net profit margin;12,5 %;\r\n' +
      'Net profit margn;3;\r\n' +
      'Online shop conversion rate;n/a;\r\n',
  );
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');

  await chooseFromFileMenu(page, 'Import values…');
  const wizard = page.getByRole('dialog', { name: 'Import values' });
  await wizard.getByLabel('Spreadsheet file').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Read file' }).click();

  // The app's guesses, shown as choices the user can change.
  await expect(wizard.getByLabel('Layout')).toHaveValue('wide');
  await expect(wizard.getByLabel('Separator')).toHaveValue(';');
  await expect(wizard.getByLabel('Numbers are written like')).toHaveValue('de-DE');
  await expect(wizard.getByLabel('Header row')).toHaveValue('2');
  await expect(wizard.getByRole('status')).toContainText(
    'Periods: 2 columns (Nov 2026 to Dec 2026)',
  );
  await expect(wizard.getByRole('table', { name: /First rows of november\.csv/ })).toContainText(
    'Net profit margn',
  );

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({
    path: 'test-results/screenshots/import-mapping-dark.png',
    fullPage: true,
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await wizard.getByRole('button', { name: 'Check' }).click();
  const counts = wizard.getByRole('list', { name: 'Dry run' });
  await expect(counts).toContainText('1 new values');
  await expect(counts).toContainText('1 error');
  await expect(wizard.getByRole('region', { name: 'KPIs not in this workspace' })).toContainText(
    '“Net profit margn” (1 value, first at line 4, column 1) — did you mean “Net profit margin”?',
  );
  await expect(wizard.getByRole('region', { name: 'Rows that cannot be imported' })).toContainText(
    'line 5, column 2: "n/a" is not a number',
  );
  await page.screenshot({ path: 'test-results/screenshots/import-dry-run.png', fullPage: true });

  await wizard.getByRole('button', { name: 'Import 1 value' }).click();
  await expect(wizard.getByRole('status')).toContainText('Imported 1 new and 0 changed values');
  await wizard.getByRole('button', { name: 'Done' }).click();
  // One KPI's November value does not move the scorecard off October (default-period.ts); the
  // period list says how complete November is, and shows it when chosen.
  const period = page.getByRole('combobox', { name: 'Period', exact: true });
  await expect(period).toHaveValue('2026-10');
  await expect(period.locator('option[value="2026-11"]')).toHaveText(
    /^Nov 2026 — 1 of \d+ values$/,
  );
  await period.selectOption('2026-11');
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('12.5%');
});

test('a file that is not a spreadsheet is refused with the reason, and nothing changes', async ({
  page,
  app,
}) => {
  const file = join(mkdtempSync(join(tmpdir(), 'kpis-e2e-')), 'old.xls');
  writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Import values…');
  const wizard = page.getByRole('dialog', { name: 'Import values' });
  await wizard.getByLabel('Spreadsheet file').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Read file' }).click();
  await expect(wizard.getByRole('alert')).toContainText('old Excel .xls workbook');
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');
});

test('a package exported from one workspace opens as a new workspace from the start screen', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Export…');
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('radio', { name: /JSON package/ }).check();
  await exportDialog.getByRole('radio', { name: 'The whole workspace' }).check();
  const downloadEvent = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const packagePath = join(mkdtempSync(join(tmpdir(), 'kpis-e2e-')), 'bakery.json');
  await (await downloadEvent).saveAs(packagePath);
  await exportDialog.getByRole('button', { name: 'Done' }).click();

  // The same package cannot go into the workspace it came from: everything in it clashes.
  await chooseFromFileMenu(page, 'Import package…');
  const intoCurrent = page.getByRole('dialog', { name: 'Import a package' });
  await intoCurrent.getByLabel('Package file').setInputFiles(packagePath);
  await intoCurrent.getByLabel('Import into').selectOption('current');
  await intoCurrent.getByRole('button', { name: 'Import' }).click();
  await expect(intoCurrent.getByRole('alert')).toContainText('nothing was imported');
  await intoCurrent.getByRole('button', { name: 'Cancel' }).click();

  await chooseFromFileMenu(page, 'Close workspace');
  await page.getByRole('button', { name: 'Import a package…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a package' });
  await dialog.getByLabel('Package file').setInputFiles(packagePath);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('Off track');
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');
});

test('KPI definitions from a spreadsheet join the scorecard after a dry run', async ({
  page,
  app,
}) => {
  const file = join(mkdtempSync(join(tmpdir(), 'kpis-e2e-')), 'kpis.csv');
  writeFileSync(
    file,
    'KPI,Perspective,Objective,Unit,Direction,Frequency,Target,Owner\n' +
      'Footfall,Customer,Grow visits,visitors,higher is better,monthly,1200,Ana\n' +
      'Mystery KPI,,,,,,,\n',
  );
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await chooseFromFileMenu(page, 'Import values…');
  const wizard = page.getByRole('dialog', { name: 'Import values' });
  await wizard.getByLabel('The file holds').selectOption('definitions');
  await wizard.getByLabel('Spreadsheet file').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Read file' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import KPI definitions' });
  await expect(dialog.getByLabel('Owner column')).toHaveValue('7');
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('list', { name: 'Dry run' })).toContainText('1 new KPIs');
  await expect(dialog.getByRole('region', { name: 'Rows that cannot be imported' })).toContainText(
    'line 3: Mystery KPI is a new KPI; give its perspective and objective',
  );
  await dialog.getByRole('button', { name: 'Import 1 KPI' }).click();
  await expect(dialog.getByRole('status')).toContainText('Created 1 and updated 0 KPIs');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /Footfall/ })).toContainText('Ana');
});

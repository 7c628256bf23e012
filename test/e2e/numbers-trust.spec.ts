import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodLabel } from '../../shared/domain/period';
import { chooseFromFileMenu, expect, test } from './fixtures';

// Numbers a new user can trust (issue 13): a percent KPI is averaged over a quarter, and the
// form says so before the first value is typed.

const label = (key: string) => periodLabel('monthly', key, 'en-GB');

test('a new Percent KPI is proposed Average, asks before Sum, and its quarter shows the average', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).click();
  const form = page.getByRole('dialog', { name: 'New KPI' });
  await form.getByLabel('KPI name').fill('Kitchen utilisation');
  await form.getByLabel('Unit', { exact: true }).selectOption('percent');
  const aggregation = form.getByLabel('Aggregation over time');
  await expect(aggregation).toHaveValue('average');
  await expect(form.getByText(/Q1 = average of its months/)).toBeVisible();
  await form.getByLabel('Target', { exact: true }).fill('75');

  // Sum for a percent is asked about, not saved silently.
  await aggregation.selectOption('sum');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form.getByRole('alert')).toContainText('Use Sum for this percent anyway?');
  await form.getByRole('button', { name: 'Use Average' }).click();
  await expect(aggregation).toHaveValue('average');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form).toBeHidden();

  // Three months typed in the grid: 70, 80, 78.
  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid
    .getByRole('gridcell', { name: new RegExp(`^Kitchen utilisation, ${label('2026-07')}`) })
    .click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '70\t80\t78\r\n');
    document
      .querySelector('[role="grid"]')
      ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByRole('status')).toContainText('Pasted 3 values');

  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('combobox', { name: 'View by' }).selectOption('quarter');
  await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('2026-Q3');
  const row = page.getByRole('row', { name: /Kitchen utilisation/ });
  await expect(row).toContainText('76%');
  await expect(row).toContainText('On track');
  await expect(row).not.toContainText('228%');
});

test("the sample's quarterly KPIs show their latest quarter in the month view, and chart quarters", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const period = page.getByRole('combobox', { name: 'Period', exact: true });
  await expect(period).toHaveValue('2026-10');
  // The picker says how complete each month is.
  await expect(period.locator('option[value="2026-10"]')).toHaveText(
    /^Oct 2026 — \d+ of \d+ values$/,
  );

  const nps = page.getByRole('row', { name: /Net Promoter Score/ });
  await expect(nps).toContainText('47 points');
  await expect(nps).toContainText('Q3 2026');
  await expect(nps).not.toContainText('No data');
  for (const name of ['Working capital ratio', 'Customer retention rate', 'Staff turnover']) {
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Q3 2026');
    await expect(row).not.toContainText('No data');
  }

  await page.getByRole('button', { name: 'Open Net Promoter Score' }).click();
  const detail = page.getByRole('dialog', { name: 'Net Promoter Score' });
  await expect(detail.getByRole('rowheader', { name: 'Q3 2026' })).toBeVisible();
  await expect(detail.getByRole('rowheader', { name: 'Oct 2026' })).toHaveCount(0);

  // Objectives and perspectives: one rule for score and status, said on screen.
  await detail.getByRole('button', { name: 'Close' }).click();
  await page.getByText('How statuses and scores work').click();
  await expect(
    page.getByText(/follow one rule for both their score and their status/),
  ).toBeVisible();
  await expect(page.getByText(/“2 of 3\s+reported”/)).toBeVisible();
});

test('the import wizard asks how "1.968" is meant, and flags fractions going into a Percent KPI', async ({
  page,
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-e2e-'));
  const members = join(dir, 'members.csv');
  writeFileSync(members, 'KPI,Period,Value\nLoyalty members,Nov 2026,1.968\n');
  const retention = join(dir, 'retention.csv');
  writeFileSync(retention, 'KPI,Period,Value\nCustomer retention rate,2026-Q4,0.915\n');
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();

  const openWizard = async (file: string) => {
    await chooseFromFileMenu(page, 'Import values…');
    const wizard = page.getByRole('dialog', { name: 'Import values' });
    await wizard.getByLabel('Spreadsheet file').setInputFiles(file);
    await wizard.getByRole('button', { name: 'Read file' }).click();
    return wizard;
  };

  // Nothing in the file says whether the point groups thousands or marks decimals: it asks.
  let wizard = await openWizard(members);
  const question = wizard.getByRole('group', { name: '“1.968” in this file means' });
  await expect(question.getByRole('alert')).toContainText('Nothing in the file says');
  await wizard.getByRole('button', { name: 'Check' }).click();
  await expect(wizard.getByRole('alert').last()).toContainText('choose how to read "1.968"');
  await question.getByRole('radio', { name: '1,968 (the point groups thousands)' }).check();
  await wizard.getByRole('button', { name: 'Check' }).click();
  // The dry run shows the new value as read, not only a count.
  const newValues = wizard.getByRole('region', { name: 'New values' });
  await expect(newValues.getByRole('row', { name: /Loyalty members/ })).toContainText('1,968');
  await wizard.getByRole('button', { name: 'Import 1 value' }).click();
  await expect(wizard.getByRole('status')).toContainText('Imported 1 new');
  await wizard.getByRole('button', { name: 'Done' }).click();

  // 0.915 into a Percent KPI is flagged; the wizard reads it again as 91.5 %.
  wizard = await openWizard(retention);
  await wizard.getByRole('button', { name: 'Check' }).click();
  const flags = wizard.getByRole('region', { name: 'Values to check' });
  await expect(flags).toContainText('Customer retention rate is a percent');
  await expect(wizard.getByRole('button', { name: 'Import 1 value' })).toBeDisabled();
  // Read again from the same upload, 0.915 as 91.5 %: the flag goes, the value reads 91.5 %.
  await flags.getByRole('button', { name: 'Read 0.915 as 91.5 %' }).click();
  await expect(flags).toBeHidden();
  // A new reader thread reads the file again: slow to start on a loaded machine.
  await expect(wizard.getByRole('button', { name: 'Import 1 value' })).toBeEnabled({
    timeout: 60_000,
  });
  const asPercent = wizard.getByRole('region', { name: 'New values' });
  await expect(asPercent.getByRole('row', { name: /Customer retention rate/ })).toContainText(
    '91.5',
  );
  await wizard.getByRole('button', { name: 'Import 1 value' }).click();
  await expect(wizard.getByRole('status')).toContainText('Imported 1 new');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();
  // The scorecard shows the stored 91.5 % (the quarterly KPI's latest quarter), no reload.
  await expect(page.getByRole('row', { name: /Customer retention rate/ }).first()).toContainText(
    '91.5',
  );
  await page.screenshot({ path: 'test-results/screenshots/trust-quarter.png', fullPage: true });
});

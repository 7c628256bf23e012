import { expect, test } from './fixtures';

// The scoring views on the sample: periods, roll-ups, the off-track filter, KPI detail, and a
// calculated KPI made through the form.

test('periods, roll-ups and the off-track filter', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('combobox', { name: 'Period', exact: true })).toHaveValue('2026-10');
  const netMargin = page.getByRole('row', { name: /Net profit margin/ });
  await expect(netMargin).toContainText('9.6%');
  await expect(netMargin.getByRole('img', { name: /^Trend since/ })).toBeVisible();
  await expect(netMargin.getByLabel(/^Down from 11\.4% \(worse\)/)).toBeVisible();

  // The rules are explained where the numbers are.
  await page.getByText('How statuses and scores work').click();
  await expect(page.getByText(/as a percentage of the target, at most 150%/)).toBeVisible();

  // An earlier month: the value and status change with it.
  await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('2025-12');
  await expect(netMargin).toContainText('14.8%');
  await expect(netMargin).toContainText('On track');
  await expect(page.getByRole('columnheader', { name: 'Dec 2025' }).first()).toBeVisible();

  // By quarter: the quarterly KPIs have values, and a quarter still being reported compares
  // summed KPIs with their target to date.
  await page.getByRole('combobox', { name: 'View by' }).selectOption('quarter');
  await expect(page.getByRole('combobox', { name: 'Period', exact: true })).toHaveValue('2026-Q4');
  await expect(page.getByRole('row', { name: /Operating cash flow/ })).toContainText('to date');
  await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('2026-Q3');
  await expect(page.getByRole('row', { name: /Net Promoter Score/ })).toContainText('47 points');

  // Only what needs attention.
  await page.getByLabel('Only what is off track or at risk').check();
  await expect(page.getByRole('row', { name: /Customer satisfaction/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Net Promoter Score/ })).toBeVisible();

  // A fiscal year starting in April.
  await page.getByLabel('Only what is off track or at risk').uncheck();
  await page.getByRole('combobox', { name: 'View by' }).selectOption('year');
  await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('fiscal');
  // The start month is a workspace setting, in Settings.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Fiscal year starts in').selectOption('4');
  await expect(settings.getByText(/FY2027 runs from April 2026 to March 2027/)).toBeVisible();
  await settings.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Period', exact: true })).toHaveValue('FY2027');
  await expect(page.getByText(/FY2027 runs from April 2026 to March 2027/)).toBeVisible();
});

test('a KPI in detail, and a calculated KPI made through the form', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await expect(
    detail.getByRole('img', { name: /Net profit margin: 24 periods; latest 9\.6%/ }),
  ).toBeVisible();
  await expect(detail.getByRole('row', { name: /Oct 2026/ })).toContainText('dip: oven repair');
  await detail.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).click();
  const form = page.getByRole('dialog', { name: 'New KPI' });
  await form.getByLabel('KPI name').fill('Revenue per loyalty member');
  await form.getByLabel('Unit', { exact: true }).selectOption('currency');
  await form.getByLabel('Currency').fill('EUR');
  await form.getByLabel('Decimals').fill('2');
  await form.getByLabel('Aggregation over time').selectOption('average');
  await form.getByLabel('Formula').fill('revenue / loyalty_membrs');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form.getByText(/did you mean "loyalty_members"/)).toBeVisible();
  await form.getByLabel('Formula').fill('revenue / loyalty_members');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /Revenue per loyalty member/ });
  await expect(row).toContainText('calculated');
  await expect(row).toContainText('€42.94'); // 84,500 ÷ 1,968
});

test('the KPI hierarchy opens, closes and navigates by keyboard', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'KPI hierarchy' }).click();
  const tree = page.getByRole('tree', { name: 'KPI hierarchy' });
  const total = tree.getByRole('treeitem', { name: /^Total revenue €84,500 At risk/ });
  await expect(total).toHaveAttribute('aria-expanded', 'true');
  const cafe = tree.getByRole('treeitem', { name: /^Café revenue/ });
  await expect(cafe).toHaveAttribute('aria-level', '2');

  await total.click();
  await page.keyboard.press('ArrowLeft');
  await expect(total).toHaveAttribute('aria-expanded', 'false');
  await expect(cafe).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(cafe).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(cafe).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Café revenue' })).toBeVisible();
});

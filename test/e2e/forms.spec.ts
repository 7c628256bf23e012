import { expect, test } from './fixtures';

// Bad entries are explained next to the field and nothing is saved; forms work from the keyboard.

test('a bad KPI form shows its messages and saves nothing', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const rows = page
    .getByRole('table', { name: 'KPIs of Grow profitable revenue' })
    .getByRole('row');
  // A header row and the objective's three KPIs.
  await expect(rows).toHaveCount(4);

  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).click();
  const dialog = page.getByRole('dialog', { name: 'New KPI' });
  await dialog.getByRole('button', { name: 'Add KPI' }).click();
  await expect(dialog.getByLabel('KPI name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Name is required')).toBeVisible();

  await dialog.getByLabel('KPI name').fill('Bakery margin');
  await dialog.getByLabel('Target', { exact: true }).fill('abc');
  await dialog.getByRole('button', { name: 'Add KPI' }).click();
  await expect(dialog.getByText('Target must be a number')).toBeVisible();
  await expect(dialog.getByLabel('Target', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await dialog.getByLabel('Target', { exact: true }).fill('40');
  await dialog.getByLabel('“On track” threshold').fill('80');
  await dialog.getByLabel('“At risk” threshold').fill('90');
  await dialog.getByRole('button', { name: 'Add KPI' }).click();
  await expect(
    dialog.getByText(/on track" threshold must be at or above the "at risk" threshold/),
  ).toBeVisible();
  await expect(dialog.getByLabel('“At risk” threshold')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('row', { name: /Bakery margin/ })).toHaveCount(0);
});

test('a perspective can be added with the keyboard alone', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Add perspective' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New perspective' })).toBeVisible();
  await page.keyboard.type('Community');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0,5');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New perspective' })).toBeHidden();
  const section = page.getByRole('region', { name: 'Community' });
  await expect(section).toContainText('weight 0.5');
});

test('a target that changes over time', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).click();
  const form = page.getByRole('dialog', { name: 'New KPI' });
  await form.getByLabel('KPI name').fill('Catering orders');
  await form.getByLabel('Target over time').selectOption('steps');
  await form.getByLabel('Step 1: from period').fill('2026-13');
  await form.getByLabel('Step 1: target').fill('10');
  await form.getByRole('button', { name: 'Add a step' }).click();
  await form.getByLabel('Step 2: from period').fill('2026-07');
  await form.getByLabel('Step 2: target').fill('20');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form.getByText('"2026-13" is not a monthly period')).toBeVisible();
  await form.getByLabel('Step 1: from period').fill('2026-01');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /Catering orders/ })).toContainText('20');
});

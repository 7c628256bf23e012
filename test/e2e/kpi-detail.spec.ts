import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openSample, test } from './fixtures';

// The KPI detail as its users work in it: comments added and edited beside the numbers they
// explain, the action-plan table whole (no button or field cut off) in the two window sizes
// people use, a removed plan that can be undone, and a legend that takes one short line.

async function openNetProfitMargin(page: Page): Promise<Locator> {
  // A workspace opens on its dashboard; the KPI's Open button is in the scorecard view.
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await expect(detail.getByRole('img', { name: /^Net profit margin: / })).toBeVisible();
  return detail;
}

test('comments are added and edited in the KPI detail, and the grid shows them', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const detail = await openNetProfitMargin(page);
  const values = detail.getByRole('table', { name: 'Values and targets' });
  const october = values.getByRole('row', { name: /^Oct 2026/ });
  await expect(october).toContainText('dip: oven repair and refit costs');

  // Edit the comment that is there.
  await october.getByRole('button', { name: 'Edit comment on Oct 2026' }).click();
  const editing = page.getByRole('dialog', { name: 'Comment on Net profit margin, Oct 2026' });
  await expect(editing.getByLabel('Comment')).toHaveValue('dip: oven repair and refit costs');
  await editing.getByLabel('Comment').fill('dip: oven repair; refit paid in October');
  await editing.getByRole('button', { name: 'Save comment' }).click();
  await expect(editing).toBeHidden();
  // The detail stays open and shows the new text at once.
  await expect(october).toContainText('dip: oven repair; refit paid in October');
  await expect(october).not.toContainText('refit costs');

  // Add one where there was none.
  const september = values.getByRole('row', { name: /^Sept 2026/ });
  await september.getByRole('button', { name: 'Add comment on Sept 2026' }).click();
  const adding = page.getByRole('dialog', { name: 'Comment on Net profit margin, Sept 2026' });
  await expect(adding.getByLabel('Comment')).toHaveValue('');
  await adding.getByLabel('Comment').fill('flour price rise');
  await adding.getByRole('button', { name: 'Save comment' }).click();
  await expect(adding).toBeHidden();
  await expect(september).toContainText('flour price rise');
  await expect(september.getByRole('button', { name: 'Edit comment on Sept 2026' })).toBeVisible();
  await expect(detail).toBeVisible();

  // Saved for good: the grid's cell says it has the comment, also after a reload.
  await detail.getByRole('button', { name: 'Close', exact: true }).click();
  await page.reload();
  await page.getByRole('tab', { name: 'Enter values' }).click();
  await expect(
    page.getByRole('gridcell', { name: /Net profit margin.*Sep.*has a comment/ }),
  ).toHaveAttribute('title', 'flour price rise');
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 900, height: 700 },
]) {
  const size = `${String(viewport.width)}×${String(viewport.height)}`;
  test(`the action-plan table shows its fields and buttons whole at ${size}`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(viewport);
    await openSample(page, app);
    const detail = await openNetProfitMargin(page);
    await detail.getByLabel('New action').fill('Renegotiate the flour contract with the mill');
    await detail.getByLabel('Owner').fill('Maria');
    await detail.getByLabel('Due date').fill('2026-12-15');
    await detail.getByRole('button', { name: 'Add action plan' }).click();

    const plans = detail.getByRole('region', { name: 'Action plans' }).getByRole('table');
    const name = 'Renegotiate the flour contract with the mill';
    const controls = [
      plans.getByRole('textbox', { name: `Due date of ${name}` }),
      plans.getByRole('combobox', { name: `Status of ${name}` }),
      plans.getByRole('button', { name: `Remove ${name}` }),
    ];
    await controls[2]?.scrollIntoViewIfNeeded();
    const table = await plans.boundingBox();
    const dialog = await detail.boundingBox();
    expect(table && dialog).toBeTruthy();
    if (!table || !dialog) return;
    // The table fits the dialog, and every control fits its table: nothing is cut off.
    expect(table.x + table.width).toBeLessThanOrEqual(dialog.x + dialog.width);
    for (const control of controls) {
      await expect(control).toBeVisible();
      const box = await control.boundingBox();
      expect(box).toBeTruthy();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(table.x);
      expect(box.x + box.width).toBeLessThanOrEqual(table.x + table.width);
      expect(box.y + box.height).toBeLessThanOrEqual(table.y + table.height);
    }
    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: `test-results/screens/action-plans-${size}.png` });

    // Removing says so inside the detail, with Undo; Done removes it for good.
    await controls[2]?.click();
    await expect(plans).toBeHidden();
    const notice = detail
      .getByRole('status')
      .filter({ hasText: `Removed the action plan “${name}”.` });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(plans.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await controls[2]?.click();
    await notice.getByRole('button', { name: 'Done' }).click();
    await expect(notice).toBeHidden();
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await openNetProfitMargin(page);
    await expect(detail.getByText(`Nothing recorded yet`)).toBeVisible();
  });
}

test('the chart legend names lines, markers and zones on one short line', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(page, app);
  const detail = await openNetProfitMargin(page);
  const legend = detail.getByRole('list', { name: 'Chart legend' });
  await expect(legend.getByRole('listitem')).toHaveText([
    // Each marker's shape is shown before its words (hidden from screen readers).
    'Actual',
    'Target',
    /^. ?On track$/,
    /^. ?At risk$/,
    /^. ?Off track$/,
    'Shaded: status zones',
  ]);
  const box = await legend.boundingBox();
  const line = await legend.getByRole('listitem').first().boundingBox();
  expect(box && line).toBeTruthy();
  if (box && line) expect(box.height).toBeLessThan(line.height * 1.5);
});

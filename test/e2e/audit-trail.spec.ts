import { apiCaller, expect, openSample, test, watchPageErrors } from './fixtures';

// The audit trail (issue 18): a value typed in the grid shows as who changed what from what to
// what; restoring the earlier version from the trail moves the scorecard back, no reload, and
// the restore can be undone.

test('an older value restored from the audit trail shows on the scorecard, and the restore is undone', async ({
  page,
  app,
}) => {
  const errors = watchPageErrors(page);
  await openSample(page, app);
  await apiCaller(page, app)('settings.update', { userName: 'Maria' });
  const margin = page.getByRole('row', { name: /Net profit margin/ });
  await expect(margin).toContainText('9.6%');

  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.getByRole('gridcell', { name: /^Net profit margin, Oct 2026/ }).click();
  await page.keyboard.type('36');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Net profit margin, Oct 2026');

  await page.getByRole('tab', { name: 'Audit trail' }).click();
  const trail = page.getByRole('region', { name: 'Audit trail' });
  const filters = trail.getByRole('form', { name: 'Filter the audit trail' });
  await filters.getByLabel('KPI', { exact: true }).selectOption({ label: 'Net profit margin' });
  await filters.getByLabel('Period', { exact: true }).fill('2026-10');
  const rows = trail.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText(
    'Maria changed Net profit margin, Oct 2026 from 9.6% to 36.0%',
  );
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(/entered Net profit margin, Oct 2026: 9\.6%/);
  await page.screenshot({ path: 'test-results/screenshots/audit-trail.png', fullPage: true });

  const restoreOld = rows
    .nth(2)
    .getByRole('button', { name: 'Restore 9.6% for Net profit margin, Oct 2026' });
  await restoreOld.click();
  const said = trail.getByRole('status').filter({ hasText: /Restored|undone/ });
  await expect(said).toContainText('Restored Oct 2026 to 9.6%.');
  // The restore is a change of its own, at the top of the trail.
  await expect(rows.nth(1)).toContainText(
    'Maria changed Net profit margin, Oct 2026 from 36.0% to 9.6%',
  );
  // Undo puts back 36.
  await said.getByRole('button', { name: 'Undo' }).click();
  await expect(said).toContainText('The restore was undone.');
  await expect(rows.nth(1)).toContainText(
    'Maria changed Net profit margin, Oct 2026 from 9.6% to 36.0%',
  );
  await expect(rows).toHaveCount(5);

  // Restored again, and the scorecard follows.
  await rows
    .nth(4)
    .getByRole('button', { name: 'Restore 9.6% for Net profit margin, Oct 2026' })
    .click();
  await expect(rows).toHaveCount(6);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(margin).toContainText('9.6%');
  await expect(margin).toContainText('Off track');
  expect(errors).toEqual([]);
});

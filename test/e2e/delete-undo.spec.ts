import { expect, openSample, test } from './fixtures';

// Deleting says what goes with it and can be undone, without the browser's confirm; after the
// notice, the KPI is gone for good (also after a reload).

test('a deleted KPI can be undone, and otherwise goes with its values', async ({ page, app }) => {
  page.on('dialog', () => {
    throw new Error('No browser dialog should be shown');
  });
  await openSample(page, app);
  const row = page.getByRole('row', { name: /Net profit margin/ });
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'Delete KPI Net profit margin' }).click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Deleted the KPI “Net profit margin” with its values and comments.' });
  await expect(notice).toBeVisible();
  await expect(row).toHaveCount(0);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toBeVisible();
  await expect(row).toContainText('9.6%');
  await page.reload();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');

  await page.getByRole('button', { name: 'Delete KPI Net profit margin' }).click();
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('row', { name: /Gross profit margin/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toHaveCount(0);
});

import { apiCaller, expect, openSampleScorecard, test } from './fixtures';

// Deleting says what goes with it and can be undone, without the browser's confirm; after the
// notice, the KPI is gone for good (also after a reload).

test('a deleted KPI can be undone, and otherwise goes with its values', async ({ page, app }) => {
  page.on('dialog', () => {
    throw new Error('No browser dialog should be shown');
  });
  await openSampleScorecard(page, app);
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
  // A reload stays on the Scorecard view.
  await page.reload();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');

  await page.getByRole('button', { name: 'Delete KPI Net profit margin' }).click();
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('row', { name: /Gross profit margin/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toHaveCount(0);
});

test('a deleted scorecard says what goes with it and comes back with Undo', async ({
  page,
  app,
}) => {
  page.on('dialog', () => {
    throw new Error('No browser dialog should be shown');
  });
  await openSampleScorecard(page, app);
  const scorecards = (await apiCaller(page, app)('scorecard.list', {})) as {
    id: string;
    name: string;
  }[];
  const cafes = scorecards.find((card) => card.name === 'Cafés');
  const values = (await apiCaller(page, app)('value.list', { scorecardId: cafes?.id })) as [];
  const tree = page.getByRole('navigation', { name: 'Scorecards' });
  await tree.getByRole('button', { name: 'Cafés' }).click();
  await expect(page.getByRole('heading', { name: 'Cafés', level: 2 })).toBeVisible();

  await tree.getByRole('button', { name: 'Delete scorecard' }).click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: `Deleted the scorecard “Cafés” with 2 KPIs and ${values.length} values` });
  await expect(notice).toBeVisible();
  expect(values.length).toBeGreaterThan(0);
  // It leaves the tree and the middle at once: the company shows meanwhile.
  await expect(tree.getByRole('button', { name: 'Cafés' })).toHaveCount(0);
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 2 }),
  ).toBeVisible();

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toBeHidden();
  await expect(tree.getByRole('button', { name: 'Cafés' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cafés', level: 2 })).toBeVisible();
  await page.reload();
  await expect(tree.getByRole('button', { name: 'Cafés' })).toBeVisible();

  await tree.getByRole('button', { name: 'Cafés' }).click();
  await tree.getByRole('button', { name: 'Delete scorecard' }).click();
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toBeHidden();
  await expect(tree.getByRole('button', { name: 'Cafés' })).toHaveCount(0);
  await page.reload();
  await expect(tree.getByRole('button', { name: 'Wholesale' })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Cafés' })).toHaveCount(0);
});

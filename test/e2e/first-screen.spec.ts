import type { Route } from 'playwright-core';
import { expect, test } from './fixtures';

// The view tabs come with the workspace, before its scorecard is evaluated (issue 19): a user
// picks the Scorecard tab while the evaluation is on its way, sees that it is loading, and the
// rows with their statuses appear there when it arrives, with no second click.

test('the Scorecard tab can be chosen while the scorecard loads; its rows follow', async ({
  page,
  app,
}) => {
  // The evaluation is held back until the tab has been chosen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/scorecard.evaluate', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  await expect(panel.getByRole('status')).toHaveText('Loading the scorecard…');
  await expect(page.getByRole('tab', { name: 'Scorecard', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  release();
  await expect(panel.getByRole('button', { name: 'Open Net profit margin' })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveCount(0);
  const row = panel.getByRole('row', { name: /Net profit margin/ });
  await expect(row.locator('.status')).toHaveText(/On track|At risk|Off track|No data/);
});

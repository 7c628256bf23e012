import type { Route } from 'playwright-core';
import { apiCaller, expect, test } from './fixtures';

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

// While the Dashboard shows, the Scorecard view is made ready out of sight (React's Activity),
// so the tab opens without rendering it first. Out of sight means out of reach: none of its
// controls is exposed on the Dashboard, and what changes meanwhile is on it when it opens.
test('the Scorecard view readied behind the Dashboard is hidden there and opens up to date', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'KPIs by status' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Net profit margin' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^KPIs of / })).toHaveCount(0);

  // Another client writes a value while the Dashboard shows.
  const call = apiCaller(page, app);
  const kpis = (await call('kpi.list', {})) as { id: string; name: string }[];
  const margin = kpis.find((kpi) => kpi.name === 'Net profit margin');
  if (!margin) throw new Error('The sample has no KPI named Net profit margin');
  await call('value.set', { kpiId: margin.id, period: '2026-10', value: 36 });

  await page.getByRole('tab', { name: 'Scorecard', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  const row = panel.getByRole('row', { name: /Net profit margin/ });
  await expect(row).toContainText('36.0%');
  await expect(row).toContainText('On track');
  await expect(page.getByRole('heading', { name: 'KPIs by status' })).toHaveCount(0);

  // Back on the Dashboard, the scorecard's rows leave the page's reach again.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'KPIs by status' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Net profit margin' })).toHaveCount(0);
});

import { apiCaller, expect, openSample, test } from './fixtures';

// The dashboard is the screen a workspace opens on (issue 17 point 5): the sample's off-track
// KPIs with value and target, tiles that lead to where the user acts, a 1366×768 screen without
// a page scroll, and the health check's findings fixed from their link (issue 18 point 4).

test('the sample opens on a dashboard listing its off-track KPIs; it fits 1366×768', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(page, app);
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const attention = page.getByRole('region', { name: 'Off track and at risk' });
  await expect(attention.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-1366.png' });
  const scroll = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    inner: window.innerHeight,
    width: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scroll.height).toBeLessThanOrEqual(scroll.inner);
  expect(scroll.width).toBeLessThanOrEqual(scroll.innerWidth);
  void apiCaller;
});

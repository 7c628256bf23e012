import type { Page } from 'playwright-core';
import { chooseFromFileMenu, expect, openSample, test } from './fixtures';

// A reload stays on the view the user was looking at (the view is in the page's address,
// workspace/view-address.ts); the app started from its printed address, and any workspace
// opened, starts on the Dashboard (issue 17).

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const dashboardHeading = (page: Page) => page.getByRole('heading', { name: 'KPIs by status' });

test('a reload stays on the view shown; the app opened from its address starts on the Dashboard', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await expect(tab(page, 'Dashboard')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboardHeading(page)).toBeVisible();

  await tab(page, 'Strategy map').click();
  await page.reload();
  await expect(tab(page, 'Strategy map')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Strategy map' })).toBeVisible();
  await expect(dashboardHeading(page)).toHaveCount(0);

  // Nothing clicked after the reload: the scorecard's rows show with their statuses.
  await tab(page, 'Scorecard').click();
  await page.reload();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  await expect(panel.getByRole('row', { name: /Net profit margin/ })).toContainText(
    /On track|At risk|Off track/,
  );
  await expect(tab(page, 'Scorecard')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboardHeading(page)).toHaveCount(0);
  // The address names the view and no longer holds the access token.
  expect(new URL(page.url()).hash).toBe('#view=scorecard');

  // Another window opened from the address the app printed starts on the Dashboard.
  const other = await page.context().newPage();
  await other.goto(app.url);
  await expect(tab(other, 'Dashboard')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboardHeading(other)).toBeVisible();
  await other.close();

  // Back on the Dashboard, the address is bare again, and a reload stays there.
  await tab(page, 'Dashboard').click();
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(dashboardHeading(page)).toBeVisible();
});

test('a workspace opened in the page starts on its Dashboard, whatever view the last one showed', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await tab(page, 'KPI hierarchy').click();
  await expect(page.getByRole('tabpanel', { name: 'KPI hierarchy' })).toBeVisible();

  // Closed and opened again from the start screen.
  await chooseFromFileMenu(page, 'Close workspace');
  const recent = page.getByRole('region', { name: 'Recent workspaces' });
  await expect(recent).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await recent.getByRole('button', { name: 'Harbour Street Bakery & Café', exact: true }).click();
  await expect(tab(page, 'Dashboard')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboardHeading(page)).toBeVisible();

  // Another workspace straight from the File menu, then back through Open recent.
  await tab(page, 'Enter values').click();
  await chooseFromFileMenu(page, 'New workspace…');
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace name').fill('Second shop');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Second shop', level: 1 })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.getByRole('button', { name: 'File' }).click();
  await page
    .getByRole('menu', { name: 'File' })
    .getByRole('group', { name: 'Open recent' })
    .getByRole('menuitem', { name: 'Harbour Street Bakery & Café' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
  await expect(tab(page, 'Dashboard')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboardHeading(page)).toBeVisible();
});

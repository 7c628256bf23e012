import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseFromFileMenu, expect, test, openSampleScorecard } from './fixtures';

// The sample opens on a fresh start and shows what is off track; the start screen lists recent
// files and refuses a file that is not a workspace, saying why.

test('the sample workspace marks its off-track KPIs', async ({ page, app }) => {
  await openSampleScorecard(page, app);
  for (const name of [
    'Net profit margin',
    'Online shop conversion rate',
    'Unsold bread written off',
  ]) {
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Off track');
  }
  await expect(page.getByRole('row', { name: /Customer satisfaction/ })).toContainText('On track');
  await expect(page.getByRole('row', { name: /Food cost % of sales/ })).toContainText('At risk');
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');

  // Screenshots of the scorecard view in both themes, for a person to look at (not compared).
  await page.screenshot({ path: 'test-results/screenshots/scorecard-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/scorecard-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await page
    .getByRole('navigation', { name: 'Scorecards' })
    .getByRole('button', { name: 'Cafés' })
    .click();
  await expect(page.getByRole('row', { name: /Average wait at the counter/ })).toContainText(
    'At risk',
  );
});

test('the start screen lists recent workspaces and refuses a foreign file', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Close workspace');
  const recent = page.getByRole('region', { name: 'Recent workspaces' });
  await expect(
    recent.getByRole('button', { name: 'Harbour Street Bakery & Café', exact: true }),
  ).toBeVisible();

  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  // In the workspaces folder: browser mode opens nothing outside it (or the recent list).
  const fake = join(app.dataDir, 'workspaces', 'holiday photo.kpis');
  writeFileSync(fake, png);
  await page.getByRole('button', { name: 'Open a file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a workspace' });
  await dialog.getByLabel('Path of a workspace file').fill(fake);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a KPI Scorecard workspace');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await recent.getByRole('button', { name: 'Harbour Street Bakery & Café', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
});

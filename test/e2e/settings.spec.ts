import { mkdirSync } from 'node:fs';
import { expect, test, openSampleScorecard } from './fixtures';

// Settings apply at once and stay after a restart: numbers and dates in the chosen locale
// everywhere (the scorecard, the change history), the theme, the currency new KPIs start with.

test('locale, theme and default currency apply at once and survive a restart', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openSampleScorecard(page, app);
  const netMargin = page.getByRole('row', { name: /Net profit margin/ });
  await expect(netMargin).toContainText('9.6%');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Number and date format').selectOption('de-DE');
  await expect(
    settings.getByText(/^Looks like: 1\.234\.567,89 · 31\.03\.2026, 14:05$/),
  ).toBeVisible();
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 24, 29)');

  const currency = settings.getByLabel('Default currency for new KPIs');
  await currency.fill('pounds');
  await currency.press('Enter');
  await expect(
    settings.getByText('Enter a three-letter currency code such as EUR, GBP or USD'),
  ).toBeVisible();
  await currency.fill('gbp');
  await currency.press('Enter');
  await expect(settings.getByRole('status')).toHaveText('Default currency saved.');
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/settings-dark-1400.png' });
  await settings.getByRole('button', { name: 'Close', exact: true }).click();

  // The scorecard in German formats, without a reload.
  await expect(netMargin).toContainText('9,6 %');

  // The change history of a value: its time in the same locale.
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await detail.getByText(/^Change history/).click();
  await expect(
    detail.getByRole('list', { name: 'Change history' }).getByRole('listitem').first(),
  ).toContainText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}: \S+ (entered|changed) \S+ \d{4}(:| from) /);
  await detail.getByRole('button', { name: 'Close', exact: true }).click();

  // A new currency KPI starts in the default currency.
  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).click();
  const form = page.getByRole('dialog', { name: 'New KPI' });
  await form.getByLabel('Unit', { exact: true }).selectOption('currency');
  await expect(form.getByLabel('Currency')).toHaveValue('GBP');
  await form.getByRole('button', { name: 'Cancel' }).click();

  const restarted = await app.restart();
  await page.goto(restarted.url);
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9,6 %');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

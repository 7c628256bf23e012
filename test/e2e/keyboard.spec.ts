import type { Page } from '@playwright/test';
import { expect, test, openSampleScorecard } from './fixtures';

// Keyboard only, in a small window: enter a value, open a KPI, make a report, and a refused
// KPI form that takes the user to its first message. Only Tab, arrows, Enter, Escape and typing.

/** Presses Tab until `target` has the focus (at most `limit` times). */
async function tabTo(
  page: Page,
  target: ReturnType<Page['getByRole']>,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  limit = 60,
) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test.use({ viewport: { width: 900, height: 700 } });

test('enter a value, open a KPI and make a report by keyboard alone', async ({ page, app }) => {
  await openSampleScorecard(page, app);

  // Enter a value: the tabs, the grid, type, Enter.
  await tabTo(page, page.getByRole('tab', { name: 'Scorecard' }));
  // Enter values sits just before Health check and Audit trail, the last two tabs.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Enter values' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const grid = page.getByRole('grid', { name: 'Values' });
  await tabTo(page, grid.locator('td[tabindex="0"]'));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  const focused = grid.locator('td:focus');
  const name = (await focused.getAttribute('aria-label')) ?? '';
  const cellName = name.split(', ').slice(0, 2).join(', ');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText(
    `Saved ${cellName}.`,
  );

  // Open a KPI: back to the scorecard tab, Tab to a KPI's name, Enter; Escape closes.
  await tabTo(page, page.getByRole('tab', { name: 'Enter values' }));
  // Home is the Dashboard; the Scorecard is next to it.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const open = page.getByRole('button', { name: 'Open Net profit margin' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await expect(detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(open).toBeFocused();

  // Make a report: the top bar's Board report, then Save PDF is reachable.
  await tabTo(page, page.getByRole('button', { name: 'Board report…' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Preview ready' })).toBeVisible({
    timeout: 20_000,
  });
  const save = page.getByRole('button', { name: 'Save PDF…' });
  await tabTo(page, save);
  await expect(save).toBeEnabled();
});

test('a refused KPI form takes the focus to its first message', async ({ page, app }) => {
  await openSampleScorecard(page, app);
  await page.getByRole('button', { name: 'Add KPI to Grow profitable revenue' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New KPI' });
  await page.keyboard.type('Bakery margin');
  const target = dialog.getByLabel('Target', { exact: true });
  await tabTo(page, target);
  await page.keyboard.type('abc');
  await tabTo(page, dialog.getByRole('button', { name: 'Add KPI' }));
  await page.keyboard.press('Enter');
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect(dialog.getByText('Target must be a number')).toBeInViewport();
});

import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openSample, test } from './fixtures';

// The frame around a workspace: a File menu that works by keyboard, the main actions beside
// it, a long workspace name that gives way, and no sideways scrolling at common window sizes.

const SHOTS = 'test-results/screens';

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 900, height: 700 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the top bar fits on one line at ${String(size.width)}×${String(size.height)}, ${theme}`, async ({
      page,
      app,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await openSample(page, app);
      const bar = page.getByRole('banner');
      const file = page.getByRole('button', { name: 'File' });
      const report = page.getByRole('button', { name: 'Board report…' });
      const reminders = page.getByRole('button', { name: /^Reminders, \d+ due$/ });
      // One row: the actions share a line, and the bar is one button high.
      const boxes = await Promise.all([file, reminders, report].map((b) => b.boundingBox()));
      const tops = boxes.map((box) => Math.round(box?.y ?? -1));
      expect(new Set(tops).size).toBe(1);
      expect((await bar.boundingBox())?.height ?? 999).toBeLessThan(64);
      await expectNoOverflow(page);
      await page.getByRole('tab', { name: 'Enter values' }).click();
      await expectNoOverflow(page);
      await page.getByRole('tab', { name: 'Scorecard' }).click();
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({
        path: `${SHOTS}/frame-${theme}-${String(size.width)}x${String(size.height)}.png`,
      });
    });
  }
}

test('the File menu works by keyboard and makes a new workspace without closing first', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const file = page.getByRole('button', { name: 'File' });
  await file.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'New workspace…' })).toBeFocused();
  await page.keyboard.press('ArrowUp'); // wraps to the last
  await expect(menu.getByRole('menuitem', { name: 'Close workspace' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Open…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(file).toBeFocused();

  // A letter jumps to the item; Enter chooses it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('e');
  await expect(menu.getByRole('menuitem', { name: 'Export…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await page.keyboard.press('Escape');

  // New workspace straight from the menu; the sample stays in Open recent to go back to.
  await page.keyboard.press('Enter');
  await menu.getByRole('menuitem', { name: 'New workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  const longName = 'Northern Region Logistics and Distribution Centre Operations 2027';
  await dialog.getByLabel('Workspace name').fill(longName);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const heading = page.getByRole('heading', { level: 1, name: longName });
  await expect(heading).toBeVisible();
  await expect(heading).toHaveAttribute('title', new RegExp(`^${longName}\\n`));
  // In a small window it is cut short, on one line, rather than pushing the actions out.
  await page.setViewportSize({ width: 900, height: 700 });
  expect(await heading.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  expect((await page.getByRole('banner').boundingBox())?.height ?? 999).toBeLessThan(64);
  await expectNoOverflow(page);

  await file.click();
  await menu
    .getByRole('group', { name: 'Open recent' })
    .getByRole('menuitem', { name: 'Harbour Street Bakery & Café' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harbour Street Bakery & Café' }),
  ).toBeVisible();
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The strategy map on the sample: objectives with their status in words, the text alternative
// listing every link, links added and removed by mouse and by keyboard, a refused duplicate,
// and a dragged objective kept where it was dropped.

const BANDS = ['Financial', 'Customer', 'Internal Process', 'Learning & Growth'];

/** Moves the keyboard focus with the arrow keys alone: up or down to the band, then along it. */
async function goTo(page: Page, name: string, band: string): Promise<void> {
  // The focused objective's name as shown, and its band (the node's description).
  const focused = () =>
    page.evaluate(() => document.activeElement?.querySelector('.map-node-name')?.textContent ?? '');
  const bandOf = () =>
    page.evaluate(() => document.activeElement?.querySelector('desc')?.textContent ?? '');
  for (let step = 0; step < BANDS.length; step += 1) {
    const at = BANDS.indexOf(await bandOf());
    const want = BANDS.indexOf(band);
    if (at === want) break;
    await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
  }
  for (let step = 0; step < 12; step += 1) await page.keyboard.press('ArrowLeft');
  for (let step = 0; step < 12 && !(await focused()).startsWith(`${name} `); step += 1)
    await page.keyboard.press('ArrowRight');
  await expect(
    page.getByRole('button', { name: new RegExp(`^${name} (On|At|Off|No)`) }),
  ).toBeFocused();
}

test('the sample map shows statuses in words and lists every link', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Strategy map' }).click();
  const map = page.getByRole('group', { name: /^Strategy map of / });
  await expect(map).toBeVisible();
  await expect(
    map.getByRole('button', {
      name: /^Bake on time, every time (On track|At risk|Off track|No data) · \d+\/100$/,
    }),
  ).toBeVisible();
  // Another scorecard's objective, named with its scorecard.
  await expect(
    map.getByRole('button', {
      name: /^Fast, friendly service Cafés · (On track|At risk|Off track|No data)/,
    }),
  ).toBeVisible();
  // The words are drawn on the map itself, not only in its accessible names.
  await expect(
    map.getByRole('button', { name: /^Delight our guests (On track|At risk|Off track|No data)/ }),
  ).toContainText(/(On track|At risk|Off track|No data)/);
  const links = page.getByRole('list', { name: 'Links on this map' });
  await expect(links.getByRole('listitem')).toHaveCount(15);
  await expect(links).toContainText(
    'Bake on time, every time → Delight our guests: fresh bread when the doors open',
  );
  await page.screenshot({ path: 'test-results/strategy-map.png', fullPage: true });
});

test('links are added and removed with the mouse; a duplicate is refused', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Strategy map' }).click();
  const map = page.getByRole('group', { name: /^Strategy map of / });
  await map
    .getByRole('button', { name: /^Keep innovating (On track|At risk|Off track|No data)/ })
    .click();
  const panel = page.getByRole('region', { name: 'Keep innovating' });
  await expect(panel.getByRole('list', { name: 'KPIs of Keep innovating' })).toContainText(
    'New products launched',
  );
  const form = panel.getByRole('form', { name: 'Add a link to Keep innovating' });
  await form.getByLabel('Other objective').selectOption({ label: 'Delight our guests' });
  await form.getByLabel('Label (optional)').fill('new treats');
  await form.getByRole('button', { name: 'Add link' }).click();
  const links = page.getByRole('list', { name: 'Links on this map' });
  await expect(links).toContainText('Keep innovating → Delight our guests: new treats');
  await expect(links.getByRole('listitem')).toHaveCount(16);

  // The same link again: the message says why, under the field, and nothing is added.
  await form.getByLabel('Other objective').selectOption({ label: 'Delight our guests' });
  await form.getByRole('button', { name: 'Add link' }).click();
  await expect(
    form.getByText(
      '“Keep innovating” → “Delight our guests” is already on the map. Nothing was saved.',
    ),
  ).toBeVisible();
  await expect(links.getByRole('listitem')).toHaveCount(16);

  await links
    .getByRole('button', { name: 'Remove link Keep innovating → Delight our guests: new treats' })
    .click();
  await expect(links.getByRole('listitem')).toHaveCount(15);
  await expect(links).not.toContainText('Keep innovating → Delight our guests');
});

test('links are added and removed with the keyboard alone', async ({ page, app }) => {
  await page.goto(app.url);
  const tab = page.getByRole('tab', { name: 'Strategy map' });
  await tab.focus();
  await page.keyboard.press('Enter');
  const map = page.getByRole('group', { name: /^Strategy map of / });
  // Tab from the toolbar reaches the map's one tab stop: the first objective.
  const first = map.getByRole('button', {
    name: /^Grow profitable revenue (On track|At risk|Off track|No data)/,
  });
  await page.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  // Down the bands to Learning & Growth, then link it to an objective of the Customer band.
  await goTo(page, 'A skilled and stable team', 'Learning & Growth');
  await page.keyboard.press('l');
  await goTo(page, 'Delight our guests', 'Customer');
  await page.keyboard.press('Enter');
  const links = page.getByRole('list', { name: 'Links on this map' });
  await expect(links).toContainText('A skilled and stable team → Delight our guests');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Linked A skilled and stable team → Delight our guests.' }),
  ).toBeAttached();

  // Enter opens the objective; its links can be removed from there with the keyboard.
  await map
    .getByRole('button', { name: /^Delight our guests (On track|At risk|Off track|No data)/ })
    .focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Delight our guests' });
  const remove = panel.getByRole('button', {
    name: 'Remove link A skilled and stable team → Delight our guests',
  });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(links).not.toContainText('A skilled and stable team → Delight our guests');
});

test('a dragged objective stays where it was dropped', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Strategy map' }).click();
  const node = page.getByRole('button', {
    name: /^Waste less (On track|At risk|Off track|No data)/,
  });
  const before = await node.boundingBox();
  if (!before) throw new Error('no node');
  await page.mouse.move(before.x + 20, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 140, before.y + 30, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Reset layout' })).toBeEnabled();
  const after = await node.boundingBox();
  expect((after?.x ?? 0) - before.x).toBeGreaterThan(60);
  // Another map refresh (a value written elsewhere) keeps it there: it is in the workspace.
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('tab', { name: 'Strategy map' }).click();
  const again = await page
    .getByRole('button', { name: /^Waste less (On track|At risk|Off track|No data)/ })
    .boundingBox();
  expect(Math.abs((again?.x ?? 0) - (after?.x ?? 0))).toBeLessThan(2);
  await page.getByRole('button', { name: 'Reset layout' }).click();
  await expect(page.getByRole('button', { name: 'Reset layout' })).toBeDisabled();
});

test('deleting an objective says its links go too, and the map loses them', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Delete objective Waste less' }).click();
  const notice = page.getByRole('status').filter({
    hasText:
      'Deleted the objective “Waste less” with its KPIs and values, and its 2 links on the strategy map.',
  });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toBeHidden();
  await page.getByRole('tab', { name: 'Strategy map' }).click();
  const links = page.getByRole('list', { name: 'Links on this map' });
  await expect(links.getByRole('listitem')).toHaveCount(13);
  await expect(links).not.toContainText('Waste less');
  await expect(page.getByRole('button', { name: /^Waste less / })).toHaveCount(0);
});

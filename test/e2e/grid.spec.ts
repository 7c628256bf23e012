import { mkdirSync } from 'node:fs';
import { periodKeyOfDay, periodLabel } from '../../shared/domain/period';
import { expect, openSample, test } from './fixtures';

// The data-entry grid as a user sees it in a small window: the KPI names stay readable and on
// top while the values scroll under them, the header row stays, the grid opens at the current
// period, worked-out KPIs say why they take no typing, and the status line says what happened.

const SHOTS = 'test-results/screens';
const now = new Date();
const today = `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
const thisMonth = periodKeyOfDay('monthly', today);
const label = (key: string) => periodLabel('monthly', key, 'en-GB');

for (const theme of ['light', 'dark'] as const) {
  test(`the KPI names stay readable over scrolled values (${theme}, 900×700)`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.emulateMedia({ colorScheme: theme });
    await openSample(page, app);
    await page.getByRole('tab', { name: 'Enter values' }).click();
    const grid = page.getByRole('grid', { name: 'Values' });

    // Opens at the current period, the last column.
    await expect(grid.getByRole('columnheader', { name: label(thisMonth) })).toBeInViewport();

    // Scroll part-way back: the cells pass under the name column, which stays on top.
    await grid.evaluate((table) => {
      const scroller = table.parentElement as HTMLElement;
      scroller.scrollLeft = scroller.scrollWidth / 2;
      scroller.scrollTop = 60;
    });
    // A row below the header, which the vertical scroll did not take under it.
    const name = grid.getByRole('rowheader').nth(4);
    const shown = await name.textContent();
    const box = await name.boundingBox();
    if (!box) throw new Error('no name cell');
    const hit = await page.evaluate(
      ([x, y]) => {
        const element = document.elementFromPoint(x ?? 0, y ?? 0);
        return element?.closest('th')?.textContent ?? element?.tagName ?? null;
      },
      [box.x + box.width - 6, box.y + box.height / 2],
    );
    expect(hit).toBe(shown);

    // The header row stays above the rows scrolled under it.
    const header = grid.getByRole('columnheader', { name: 'KPI' });
    const headerBox = await header.boundingBox();
    if (!headerBox) throw new Error('no header');
    const headerHit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.closest('th')?.textContent ?? null,
      [headerBox.x + 10, headerBox.y + headerBox.height / 2],
    );
    expect(headerHit).toBe('KPI');

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/grid-scrolled-${theme}-900x700.png` });
  });
}

test('worked-out KPIs show read-only with the reason, and the status line says what happened', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });

  // Total revenue is the sum of its child KPIs: shown, with why it takes no typing.
  await expect(grid.getByRole('row', { name: /^Total revenue/ })).toContainText(
    /Rolled up \(sum\) from its child KPIs: enter the values there\./,
  );
  await expect(grid.getByRole('gridcell', { name: /^Total revenue, / })).toHaveCount(0);

  const cellName = `Net profit margin, ${label(thisMonth)}`;
  await grid.getByRole('gridcell', { name: new RegExp(`^${cellName}`) }).click();
  await page.keyboard.type('12.5');
  await page.keyboard.press('Enter');
  const status = page.getByRole('status').filter({ hasText: /^(Saved|Undid)/ });
  await expect(status).toHaveText(`Saved ${cellName}.`);

  await page.keyboard.press('ArrowUp');
  await page.getByRole('button', { name: `Comment on ${cellName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Comment on ${cellName}` });
  await dialog.getByLabel('Comment').fill('estimate, final figures on the 5th');
  await dialog.getByRole('button', { name: 'Save comment' }).click();
  await expect(status).toHaveText(`Saved the comment on ${cellName}.`);
  const cell = grid.getByRole('gridcell', { name: new RegExp(`^${cellName}, `) });
  await expect(cell).toHaveAccessibleName(/12\.5.*, has a comment$/);

  // Undo takes back the comment alone, and says so; the value stays.
  await cell.click();
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText(`Undid the comment on ${cellName}.`);
  await expect(cell).toHaveAccessibleName(/12\.5/);
  await expect(cell).not.toHaveAccessibleName(/has a comment/);
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText(`Undid the change to ${cellName}.`);
  await expect(cell).toHaveAccessibleName(`${cellName}, empty`);
});

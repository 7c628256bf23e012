import { expect, openSampleScorecard, test } from './fixtures';

// The scorecard's KPI tables at the window sizes people use: every cell's content stays in its
// own column. A value with its unit and its quarter ("1.62 × Q3 2026", "1,968 members") ran
// into the target beside it, and the sparkline into the owner's name.

for (const size of [
  { width: 1366, height: 768 },
  { width: 900, height: 700 },
]) {
  test(`no KPI table cell runs into the next at ${String(size.width)}×${String(size.height)}`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(size);
    await openSampleScorecard(page, app);
    const table = page.getByRole('table').filter({ hasText: 'Working capital ratio' });
    await expect(table.getByText('Q3 2026')).toBeVisible();
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('table.kpi-table tbody tr')].flatMap((row) =>
        [...row.children]
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => `${row.querySelector('th')?.textContent ?? '?'}: "${cell.textContent}"`),
      ),
    );
    expect(overflowing).toEqual([]);
    // The cells were there to be checked: the sample's 20 KPIs.
    expect(await page.locator('table.kpi-table tbody tr').count()).toBe(20);
  });
}

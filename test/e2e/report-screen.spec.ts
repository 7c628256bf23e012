import { mkdirSync } from 'node:fs';
import { expect, openSample, test } from './fixtures';

// The report screen in a small window: the preview fits the width by default and zooms on
// request, and the toolbar with Save PDF stays in view however far the preview scrolls.

for (const theme of ['light', 'dark'] as const) {
  test(`the preview fits the window and Save PDF stays in view (${theme}, 900×700)`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.emulateMedia({ colorScheme: theme });
    await openSample(page, app);
    await page.getByRole('button', { name: 'Board report…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Preview ready' })).toBeVisible({
      timeout: 20_000,
    });
    const preview = page.getByRole('main', { name: 'Report preview' });
    const paper = preview.getByRole('article', { name: 'Board report' });
    const width = async () => (await paper.boundingBox())?.width ?? 0;
    const room = (await preview.boundingBox())?.width ?? 0;
    expect(await width()).toBeLessThanOrEqual(room);
    expect(await width()).toBeGreaterThan(room * 0.6);

    await page.getByLabel('Zoom').selectOption('100');
    await expect.poll(width).toBeGreaterThan(room);
    await page.getByLabel('Zoom').selectOption('fit');
    await expect.poll(width).toBeLessThanOrEqual(room);

    await preview.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(page.getByRole('button', { name: 'Save PDF…' })).toBeInViewport();
    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: `test-results/screens/report-${theme}-900x700.png` });
  });
}

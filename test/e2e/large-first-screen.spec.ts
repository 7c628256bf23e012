import type { Page } from 'playwright-core';
import { apiCaller, expect, openSample, test } from './fixtures';

// A large scorecard loaded as the page opens draws its first screen's objectives first and the
// rest as they are scrolled to, before a Tab, or once the page is quiet
// (scorecard/first-screen.ts): every objective comes, in its place, the last KPI is reached by
// scrolling, and a reload comes back to where the page was scrolled.

const PER_OBJECTIVE = 8;
const objectiveName = (p: number, o: number) => `P${String(p + 1)} objective ${String(o + 1)}`;
const kpiName = (p: number, o: number, k: number) =>
  `P${String(p + 1)}O${String(o + 1)} KPI ${String(k + 1)}`;

async function buildWideScorecard(page: Page, app: Parameters<typeof apiCaller>[1]) {
  const call = apiCaller(page, app);
  const cards = (await call('scorecard.list', {})) as { id: string; name: string }[];
  const company = cards.find((card) => card.name === 'Harbour Street Bakery & Café');
  const wide = (await call('scorecard.create', { name: 'Wide scorecard' })) as { id: string };
  // The workspace opens on its top scorecard: the wide one, above the sample's company.
  await call('scorecard.update', { id: company?.id, parentId: wide.id });
  const view = (await call('scorecard.evaluate', { id: wide.id })) as {
    perspectives: { perspective: { id: string } }[];
  };
  const entries: { kpiId: string; period: string; value: number }[] = [];
  for (const [p, { perspective }] of view.perspectives.entries()) {
    for (let o = 0; o < 5; o += 1) {
      const objective = (await call('objective.create', {
        perspectiveId: perspective.id,
        name: objectiveName(p, o),
      })) as { id: string };
      for (let k = 0; k < PER_OBJECTIVE; k += 1) {
        const kpi = (await call('kpi.create', {
          objectiveId: objective.id,
          name: kpiName(p, o, k),
          target: 100,
        })) as { id: string };
        const last = p === view.perspectives.length - 1 && o === 4 && k === PER_OBJECTIVE - 1;
        entries.push({ kpiId: kpi.id, period: '2026-10', value: last ? 10 : 120 });
      }
    }
  }
  await call('value.setMany', { entries });
  return view.perspectives.length;
}

test('a large scorecard opened with the page draws every objective in its place', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const perspectives = await buildWideScorecard(page, app);
  await openSample(page, app);
  await page.getByRole('tab', { name: 'Scorecard', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  await expect(panel.getByRole('heading', { name: 'Wide scorecard', level: 2 })).toBeVisible();

  // Loaded again on the Scorecard view, the scorecard view is drawn with the page.
  await page.reload();
  await expect(panel.getByRole('button', { name: `Open ${kpiName(0, 0, 0)}` })).toBeVisible();
  const inOrder = Array.from({ length: perspectives * 5 }, (_, i) =>
    objectiveName(Math.floor(i / 5), i % 5),
  );
  // Drawn or still standing in, every objective's heading is there, in order: a screen
  // reader's list of headings, or a link to an objective, reaches each one.
  expect(await panel.getByRole('heading', { level: 4 }).allTextContents()).toEqual(inOrder);
  // A Tab draws every objective before the focus moves, so the keyboard walks each one's
  // controls in order (the objectives further down are otherwise drawn as they are scrolled to,
  // or a second after the first screen).
  await panel.getByRole('button', { name: `Open ${kpiName(0, 0, 0)}` }).focus();
  await page.keyboard.press('Tab');
  expect(await panel.locator('.objective-later').count()).toBe(0);
  const last = perspectives - 1;
  await expect(
    panel.getByRole('heading', { name: objectiveName(last, 4), level: 4 }),
  ).toBeAttached();
  // Every objective is drawn (none is left standing in as an empty block), in order.
  await expect(panel.locator('.objective-later')).toHaveCount(0);
  expect(await panel.getByRole('heading', { level: 4 }).allTextContents()).toEqual(inOrder);

  // Scrolled to the end: the last KPI, off track.
  await page.keyboard.press('End');
  const lastRow = panel.getByRole('row', { name: new RegExp(kpiName(last, 4, PER_OBJECTIVE - 1)) });
  await expect(lastRow).toBeInViewport();
  await expect(lastRow).toContainText('Off track');

  // Scrolled to an objective halfway down, a reload comes back to it (app/scroll-keeper.ts).
  const middle = panel.getByRole('heading', { name: objectiveName(2, 1), level: 4 });
  // A frame passes, as between any scroll and a reload a person makes: the scroll is heard.
  await middle.evaluate(async (element) => {
    element.scrollIntoView({ block: 'start' });
    await new Promise(requestAnimationFrame);
  });
  const before = await middle.boundingBox();
  await page.reload();
  await expect(panel.getByRole('button', { name: `Open ${kpiName(2, 1, 0)}` })).toBeInViewport();
  await expect(middle).toBeInViewport();
  await expect.poll(async () => (await middle.boundingBox())?.y).toBe(before?.y);
});

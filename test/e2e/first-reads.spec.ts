import type { Page } from 'playwright-core';
import { BATCH_PATH, type BatchRequest } from '../../shared/api/batch';
import { apiCaller, expect, test } from './fixtures';

// The page asks for what its first screen reads as its script starts, and the scorecard's
// evaluation as soon as the workspace and its scorecards are in, before the tabs show (issue
// 19, app/first-reads.ts): each once, on a first load and on a reload alike.

/** The API calls the page makes, those sent together in one request (BATCH_PATH) each. */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === BATCH_PATH) {
      const { calls: sent } = request.postDataJSON() as BatchRequest;
      calls.push(...sent.map(({ method }) => method));
    } else if (path.startsWith('/api/')) calls.push(path.slice('/api/'.length));
  });
  return calls;
}

/** The calls of each request that sent several together. */
function batches(page: Page): string[][] {
  const sent: string[][] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== BATCH_PATH) return;
    const { calls } = request.postDataJSON() as BatchRequest;
    sent.push(calls.map(({ method }) => method));
  });
  return sent;
}

const count = (calls: string[], method: string) => calls.filter((call) => call === method).length;

/** What a reload reads first, in this order, once the workspace's opening scorecard is known. */
const FIRST_READS = [
  'settings.get',
  'workspace.current',
  'workspace.recent',
  'scorecard.list',
  'scorecard.evaluate',
];

test('a page load reads the workspace, its scorecards and their evaluation once each', async ({
  page,
  app,
}) => {
  const calls = apiCalls(page);
  for (const load of [() => page.goto(app.url), () => page.reload()]) {
    calls.length = 0;
    await load();
    const tab = page.getByRole('tab', { name: 'Scorecard', exact: true });
    await expect(tab).toBeVisible();
    // Asked for before the tabs were shown, not after the workspace screen mounted.
    expect(calls).toContain('scorecard.evaluate');
    await tab.click();
    const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
    await expect(panel.getByRole('button', { name: 'Open Net profit margin' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'KPIs by status' })).toHaveCount(0);
    for (const method of FIRST_READS)
      expect({ method, times: count(calls, method) }).toEqual({ method, times: 1 });
  }
});

// A reload asks for the evaluation of the scorecard the workspace opened on last time with its
// first reads, in the same request, so before the scorecard list has come
// (app/opening-scorecard.ts), and uses that answer; on the Dashboard, that scorecard's
// dashboard too.
test('a reload asks for the opening scorecard with its first reads, and uses that answer', async ({
  page,
  app,
}) => {
  const calls = apiCalls(page);
  const together = batches(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'KPIs by status' })).toBeVisible();

  calls.length = 0;
  together.length = 0;
  await page.reload();
  // The Dashboard shows its counts from the answer sent with the first reads.
  const counts = page.getByRole('region', { name: 'KPIs by status' });
  await expect(counts.getByRole('button', { name: /On track/ })).toBeVisible();
  expect(together).toEqual([[...FIRST_READS, 'dashboard.get']]);
  expect(count(calls, 'dashboard.get')).toBe(1);

  // On another view, a reload asks for no dashboard.
  await page.getByRole('tab', { name: 'Scorecard', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  await expect(panel.getByRole('button', { name: 'Open Net profit margin' })).toBeVisible();
  calls.length = 0;
  together.length = 0;
  await page.reload();
  await expect(panel.getByRole('button', { name: 'Open Net profit margin' })).toBeVisible();
  expect(together).toEqual([FIRST_READS]);
  expect(count(calls, 'scorecard.evaluate')).toBe(1);
  expect(count(calls, 'dashboard.get')).toBe(0);
});

// The guess is only a guess: when the workspace now opens on another scorecard, that one shows.
test('a reload after the opening scorecard changed shows the new one', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'KPIs by status' })).toBeVisible();
  // Another client puts a holding above the company: the workspace now opens on the holding.
  const call = apiCaller(page, app);
  const cards = (await call('scorecard.list', {})) as { id: string; name: string }[];
  const company = cards.find((card) => card.name === 'Harbour Street Bakery & Café');
  if (!company) throw new Error('The sample has no scorecard named Harbour Street Bakery & Café');
  const holding = (await call('scorecard.create', { name: 'Holding' })) as { id: string };
  await call('scorecard.update', { id: company.id, parentId: holding.id });

  await page.reload();
  await page.getByRole('tab', { name: 'Scorecard', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Scorecard' });
  await expect(panel.getByRole('heading', { name: 'Holding', level: 2 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Scorecards' }).locator('[aria-current="true"]'),
  ).toHaveText(/Holding/);
});

import type { Page } from 'playwright-core';
import { expect, test } from './fixtures';

// The page asks for what its first screen reads as its script starts, and the scorecard's
// evaluation as soon as the workspace and its scorecards are in, before the tabs show (issue
// 19, app/first-reads.ts): each once, on a first load and on a reload alike.

function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path.slice('/api/'.length));
  });
  return calls;
}

const count = (calls: string[], method: string) => calls.filter((call) => call === method).length;

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
    for (const method of [
      'settings.get',
      'workspace.current',
      'workspace.recent',
      'scorecard.list',
      'scorecard.evaluate',
    ])
      expect({ method, times: count(calls, method) }).toEqual({ method, times: 1 });
  }
});

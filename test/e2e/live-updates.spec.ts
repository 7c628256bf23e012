import type { Page } from '@playwright/test';
import { periodLabel } from '../../shared/domain/period';
import {
  apiCaller,
  expect,
  openSampleScorecard,
  test,
  watchPageErrors,
  type AppServer,
} from './fixtures';

// One change signal: a value written anywhere — in the grid, or by another client through the
// API — shows in every view without a reload, and a refused write shows its message instead of
// an uncaught error. No test here reloads the page.

const label = (key: string) => periodLabel('monthly', key, 'en-GB');

async function kpiByName(page: Page, app: AppServer, name: string) {
  const kpis = (await apiCaller(page, app)('kpi.list', {})) as {
    id: string;
    name: string;
    code: string;
    objectiveId: string;
  }[];
  const kpi = kpis.find((candidate) => candidate.name === name);
  if (!kpi) throw new Error(`The sample has no KPI named ${name}`);
  return kpi;
}

function reminderCount(page: Page) {
  return page.getByRole('button', { name: /^Reminders, [\d,]+ due$/ });
}

async function readReminderCount(page: Page): Promise<number> {
  const name = (await reminderCount(page).getAttribute('aria-label')) ?? '';
  return Number(/(\d[\d,]*)/.exec(name)?.[1]?.replace(/,/g, '') ?? 'NaN');
}

test('a value typed in the grid shows on the scorecard tab and in the reminders count', async ({
  page,
  app,
}) => {
  const errors = watchPageErrors(page);
  await openSampleScorecard(page, app);
  const margin = page.getByRole('row', { name: /Net profit margin/ });
  await expect(margin).toContainText('9.6%');
  await expect(margin).toContainText('Off track');

  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.getByRole('gridcell', { name: /^Net profit margin, Oct 2026/ }).click();
  await page.keyboard.type('36');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Net profit margin, Oct 2026');

  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(margin).toContainText('36.0%');
  await expect(margin).toContainText('On track');

  // A value still due, entered in the grid: the reminders count on the top bar drops.
  const call = apiCaller(page, app);
  const inbox = (await call('reminders.inbox', {
    timeZone: 'UTC',
    locale: 'en-GB',
    limit: 200,
  })) as { items: { kind: string; kpiId: string | null; period: string | null }[] };
  // The grid shows the KPIs of the scorecard on screen: the top one.
  const scorecards = (await call('scorecard.list', {})) as {
    id: string;
    parentId: string | null;
  }[];
  const top = scorecards.find((card) => card.parentId === null);
  const kpis = (await call('kpi.list', { scorecardId: top?.id })) as {
    id: string;
    name: string;
    frequency: string;
    formula: string | null;
    direction: string;
    target: number | null;
  }[];
  const due = inbox.items
    .filter((item) => item.kind === 'data_due' && item.period !== null)
    .map((item) => ({ item, kpi: kpis.find((kpi) => kpi.id === item.kpiId) }))
    // A value well above its target, so that it brings no alert of its own.
    .find(
      ({ kpi }) =>
        kpi?.frequency === 'monthly' &&
        kpi.formula === null &&
        kpi.direction === 'higher_is_better' &&
        kpi.target !== null,
    );
  if (!due?.kpi || due.item.period === null) throw new Error('The sample has no monthly value due');
  await expect(reminderCount(page)).toBeVisible();
  const before = await readReminderCount(page);
  expect(before).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Enter values' }).click();
  await grid
    .getByRole('gridcell', {
      name: new RegExp(`^${due.kpi.name}, ${label(due.item.period)}, empty`),
    })
    .click();
  await page.keyboard.type(String((due.kpi.target ?? 0) * 2));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Saved ${due.kpi.name}`);
  await expect
    .poll(() => readReminderCount(page), {
      message: 'the reminders count after entering a due value',
    })
    .toBeLessThan(before);
  expect(errors).toEqual([]);
});

test('a change made by another client shows on the scorecard, the hierarchy, a KPI detail and the report preview', async ({
  page,
  app,
}) => {
  const errors = watchPageErrors(page);
  await openSampleScorecard(page, app);
  const call = apiCaller(page, app);
  const margin = await kpiByName(page, app, 'Net profit margin');
  const row = page.getByRole('row', { name: /Net profit margin/ });
  await expect(row).toContainText('9.6%');

  // Scorecard tab.
  await call('value.set', { kpiId: margin.id, period: '2026-10', value: 36 });
  await expect(row).toContainText('36.0%');
  await expect(row).toContainText('On track');

  // A KPI's detail, open while the value changes.
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await expect(detail.getByRole('img', { name: /latest 36\.0%/ })).toBeVisible();
  await call('value.set', { kpiId: margin.id, period: '2026-10', value: 20 });
  await expect(detail.getByRole('img', { name: /latest 20\.0%/ })).toBeVisible();
  await detail.getByRole('button', { name: 'Close' }).click();

  // The hierarchy, open while the value changes.
  await page.getByRole('tab', { name: 'KPI hierarchy' }).click();
  const tree = page.getByRole('tree', { name: 'KPI hierarchy' });
  await expect(tree.getByRole('treeitem', { name: /^Net profit margin 20\.0%/ })).toBeVisible();
  // A branch the user closed stays closed through the refresh.
  const total = tree.getByRole('treeitem', { name: /^Total revenue/ });
  await total.click();
  await page.keyboard.press('ArrowLeft');
  await expect(total).toHaveAttribute('aria-expanded', 'false');
  await call('value.set', { kpiId: margin.id, period: '2026-10', value: 5 });
  await expect(
    tree.getByRole('treeitem', { name: /^Net profit margin 5\.0% off track/i }),
  ).toBeVisible();
  await expect(total).toHaveAttribute('aria-expanded', 'false');

  // The board report's preview, open while the value changes.
  await page.getByRole('button', { name: 'Board report…' }).click();
  const preview = page.getByRole('article', { name: 'Board report' });
  const summaryRow = preview
    .getByRole('region', { name: 'Executive summary' })
    .getByRole('row', { name: /Net profit margin/ });
  await expect(summaryRow).toContainText('5.0%');
  await call('value.set', { kpiId: margin.id, period: '2026-10', value: 7 });
  await expect(summaryRow).toContainText('7.0%');
  expect(errors).toEqual([]);
});

test('deleting a KPI that a formula uses shows why, and changes nothing', async ({ page, app }) => {
  const errors = watchPageErrors(page);
  await openSampleScorecard(page, app);
  const margin = await kpiByName(page, app, 'Net profit margin');
  await apiCaller(page, app)('kpi.create', {
    objectiveId: margin.objectiveId,
    name: 'Margin doubled',
    frequency: 'monthly',
    formula: `${margin.code} * 2`,
    unit: { format: 'percent' },
    decimals: 1,
  });
  // The new KPI arrives by the push, too.
  const doubled = page.getByRole('row', { name: /Margin doubled/ });
  await expect(doubled).toContainText('19.2%');

  await page.getByRole('button', { name: 'Delete KPI Net profit margin' }).click();
  // The delete runs when its undo notice is closed with Done.
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({
      hasText:
        '"Net profit margin" is used in the formula of "Margin doubled"; change those formulas first.',
    }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/refused-delete-notice.png' });
  await expect(page.getByRole('row', { name: /Net profit margin/ })).toContainText('9.6%');
  // The notice can be dismissed.
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a failure nothing caught is still shown, as a last resort', async ({ page, app }) => {
  await openSampleScorecard(page, app);
  await page.evaluate(() => {
    void Promise.reject(new Error('The disk is full.'));
  });
  await expect(page.getByRole('alert').filter({ hasText: 'The disk is full.' })).toBeVisible();
});

test('after the event stream is lost and back, the views catch up on what they missed', async ({
  page,
  app,
}) => {
  // The first stream ends at once; the next attempt is refused; the one after goes through.
  let attempts = 0;
  let refusedOnce!: () => void;
  const refused = new Promise<void>((resolve) => {
    refusedOnce = resolve;
  });
  let letThrough = false;
  await page.route('**/events', async (route) => {
    attempts += 1;
    if (attempts === 1)
      await route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/event-stream' },
        body: ': connected\n\n',
      });
    else if (!letThrough) {
      refusedOnce();
      await route.abort();
    } else await route.continue();
  });
  await openSampleScorecard(page, app);
  const row = page.getByRole('row', { name: /Net profit margin/ });
  await expect(row).toContainText('9.6%');

  // Written while the page hears nothing.
  await refused;
  const margin = await kpiByName(page, app, 'Net profit margin');
  await apiCaller(page, app)('value.set', { kpiId: margin.id, period: '2026-10', value: 36 });
  letThrough = true;
  await expect(row).toContainText('36.0%');
  expect(attempts).toBeGreaterThanOrEqual(3);
});

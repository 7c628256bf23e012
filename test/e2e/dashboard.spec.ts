import { apiCaller, expect, openSample, test } from './fixtures';

// The dashboard is the screen a workspace opens on (issue 17 point 5): the sample's off-track
// KPIs with value and target, tiles that lead to where the user acts, a 1366×768 screen without
// a page scroll; and the health check (issue 18 point 4): a finding fixed from its link or
// dismissed with a reason, the counts following without a reload.

test('the sample opens on a dashboard listing its off-track KPIs; it fits 1366×768', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(page, app);
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const attention = page.getByRole('region', { name: 'Off track and at risk' });
  for (const [name, value, target] of [
    ['Net profit margin', '9.6%', '12.0%'],
    ['Online shop conversion rate', '2.1%', '3.0%'],
    ['Unsold bread written off', '6.1%', '4.0%'],
  ] as const) {
    const row = attention.getByRole('row', { name: new RegExp(`^${name} `) });
    await expect(row.getByRole('cell')).toContainText(['Off track', value, target]);
  }
  await expect(
    attention
      .getByRole('row', { name: /^Net profit margin / })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('Maria');
  // Every number is shown whole ("26.4 hours", "28.0%–32.0%"), never cut to "26.4 ho…".
  await expect(
    attention.getByRole('row', { name: /^Online order fulfilment time / }).getByRole('cell'),
  ).toContainText(['At risk', '26.4 hours', '24.0 hours', '+2.4 hours']);
  const cutNumbers = await attention
    .locator('td.number')
    .evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
    );
  expect(cutNumbers).toEqual([]);
  const counts = page.getByRole('region', { name: 'KPIs by status' });
  await expect(counts.getByRole('button', { name: /Off track/ })).toHaveText(/^3/);

  await page.screenshot({ path: 'test-results/screenshots/dashboard-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/dashboard-dark.png' });
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(size.height).toBeLessThanOrEqual(768);
  expect(size.width).toBeLessThanOrEqual(1366);

  // The print stylesheet leaves the app's frame out: the dashboard alone on paper.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Scorecards' })).toBeHidden();
  await expect(attention).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A KPI's name opens its detail, where its chart, history and action plans are.
  await attention.getByRole('button', { name: 'Net profit margin' }).click();
  await expect(page.getByRole('dialog', { name: 'Net profit margin' })).toBeVisible();
});

test('a due value leads to its grid cell; once entered it leaves the dashboard', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const due = page.getByRole('region', { name: /^Values due/ });
  const heading = due.getByRole('heading');
  const before = Number(/(\d+) \(/.exec((await heading.textContent()) ?? '')?.[1]);
  const enter = due.getByRole('button', { name: /^Enter value: / }).first();
  const label = (await enter.getAttribute('aria-label')) ?? '';
  const [, kpi, period] = /^Enter value: (.+), (.+)$/.exec(label) ?? [];
  await enter.click();
  await expect(page.getByRole('tab', { name: 'Enter values' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const cell = page.getByRole('gridcell', { name: `${kpi ?? ''}, ${period ?? ''}, empty` });
  await expect(cell).toBeFocused();
  await page.keyboard.type('42');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText(
    `Saved ${kpi ?? ''}, ${period ?? ''}.`,
  );

  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(heading).toContainText(`${String(before - 1)} (`);
  await expect(due.getByRole('button', { name: label, exact: true })).toHaveCount(0);
});

test('a health finding is fixed from its link and dismissed with a reason; counts follow', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const healthTile = page.getByRole('region', { name: 'Health check' });
  const total = healthTile.getByRole('button', { name: /findings to review/ });
  const count = async () => Number(/^(\d+)/.exec((await total.textContent()) ?? '')?.[1]);
  const start = await count();
  expect(start).toBeGreaterThan(1);
  await total.click();

  const panel = page.getByRole('tabpanel', { name: 'Health check' });
  const findings = panel.getByRole('list', { name: 'Findings' });
  const fix = findings.getByRole('button', { name: /^Edit KPI: .+ has no description$/ }).first();
  const message = ((await fix.getAttribute('aria-label')) ?? '').replace(/^Edit KPI: /, '');
  const kpi = message.replace(/ has no description$/, '');
  await fix.click();
  const form = page.getByRole('dialog', { name: `Edit KPI “${kpi}”` });
  await expect(form.getByLabel('Description')).toBeFocused();
  await page.keyboard.type('What share of orders are paid for online, from the shop system.');
  await form.getByRole('button', { name: 'Save KPI' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('tab', { name: 'Health check' }).click();
  await expect(findings.getByText(message, { exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(total).toHaveText(new RegExp(`^${String(start - 1)}\\D`));

  // Dismissed with a reason: out of the list and the count, kept with its reason, and back.
  await page.getByRole('tab', { name: 'Health check' }).click();
  const first = findings.getByRole('listitem').first();
  const firstMessage = (await first.locator('.health-message').textContent()) ?? '';
  await findings.getByRole('button', { name: `Dismiss: ${firstMessage}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss a finding' });
  await dialog.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dialog.getByText('Say why this finding is dismissed')).toBeVisible();
  await dialog.getByLabel('Why is this fine?').fill('The whole team answers for it');
  await dialog.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dialog).toBeHidden();
  await expect(findings.getByText(firstMessage, { exact: true })).toHaveCount(0);
  await panel.getByText(/^Dismissed \(1\)$/).click();
  const dismissed = panel.getByRole('list', { name: 'Dismissed findings' });
  await expect(dismissed).toContainText('“The whole team answers for it”');
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(total).toHaveText(new RegExp(`^${String(start - 2)}\\D`));
  await expect(healthTile).toContainText('1 dismissed');

  await page.getByRole('tab', { name: 'Health check' }).click();
  await panel.getByText(/^Dismissed \(1\)$/).click();
  await dismissed.getByRole('button', { name: `Bring back: ${firstMessage}` }).click();
  await expect(findings.getByText(firstMessage, { exact: true })).toBeVisible();
});

// The tile lists the worst few; the rest are counted and a click away, in the scorecard.
test('more KPIs off track than the tile lists are counted, and lead to the scorecard', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const attention = page.getByRole('region', { name: 'Off track and at risk' });
  await expect(attention.getByRole('button', { name: 'Net profit margin' })).toBeVisible();
  const call = apiCaller(page, app);
  const cards = (await call('scorecard.list', {})) as { id: string; name: string }[];
  const company = cards.find((card) => card.name === 'Harbour Street Bakery & Café');
  if (!company) throw new Error('The sample has no scorecard named Harbour Street Bakery & Café');
  const view = (await call('scorecard.evaluate', { id: company.id })) as {
    period: string;
    perspectives: { objectives: { objective: { id: string } }[] }[];
  };
  const objectiveId = view.perspectives[0]?.objectives[0]?.objective.id;
  // Six new KPIs far below their target in the period shown: more than the tile lists.
  for (const name of ['Stall A', 'Stall B', 'Stall C', 'Stall D', 'Stall E', 'Stall F']) {
    const kpi = (await call('kpi.create', {
      objectiveId,
      name: `${name} takings`,
      frequency: 'monthly',
      target: 100,
    })) as { id: string };
    await call('value.set', { kpiId: kpi.id, period: view.period, value: 10 });
  }

  // The open dashboard follows without a reload: six rows, the rest counted.
  const counts = page.getByRole('region', { name: 'KPIs by status' });
  const count = async (status: RegExp) =>
    Number((await counts.getByRole('button', { name: status }).textContent())?.match(/^\d+/)?.[0]);
  await expect(counts.getByRole('button', { name: /Off track/ })).toHaveText(/^9/);
  const total = (await count(/Off track/)) + (await count(/At risk/));
  await expect(attention.getByRole('row')).toHaveCount(1 + 6);
  const more = attention.getByRole('button', { name: `${total - 6} more in the scorecard` });
  await more.click();
  await expect(page.getByRole('tab', { name: 'Scorecard', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

import { chooseFromFileMenu, expect, openSample, test } from './fixtures';

// Reminders that lead somewhere: the badge counts the open workspace's own, "Enter value" opens
// the grid at the cell, "Open KPI" its detail, and a KPI's reminders go done together.

test('a new workspace shows 0 and lists the others apart', async ({ page, app }) => {
  await openSample(page, app);
  await expect(page.getByRole('button', { name: /^Reminders, [1-9]\d* due$/ })).toBeVisible();
  await chooseFromFileMenu(page, 'New workspace…');
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace name').fill('Empty start');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Empty start' })).toBeVisible();
  const button = page.getByRole('button', { name: 'Reminders, 0 due' });
  await expect(button).toBeVisible();
  await button.click();
  const reminders = page.getByRole('dialog', { name: 'Reminders' });
  await expect(reminders.getByText('Nothing is due in this workspace.')).toBeVisible();
  await expect(
    reminders
      .getByRole('list', { name: 'Reminders of other workspaces' })
      .getByRole('listitem', { name: /value of .* is due$/ })
      .first(),
  ).toContainText('Harbour Street Bakery & Café');
});

test('Enter value opens the grid at the cell, Open KPI the detail, and a group goes done at once', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const open = async () => {
    await page.getByRole('button', { name: /^Reminders, \d+ due$/ }).click();
    return page.getByRole('dialog', { name: 'Reminders' });
  };
  let reminders = await open();
  const due = reminders.getByRole('listitem', { name: /^The .+ value of .+ is due$/ }).first();
  const title = (await due.getAttribute('aria-label')) ?? '';
  const [, period, kpi] = /^The (.+) value of (.+) is due$/.exec(title) ?? [];
  await reminders.getByRole('button', { name: `Enter value: ${title}` }).click();
  await expect(reminders).toBeHidden();
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

  reminders = await open();
  const alert = reminders.getByRole('listitem', { name: /went off track|is at risk/ }).first();
  const alertTitle = (await alert.getAttribute('aria-label')) ?? '';
  await reminders.getByRole('button', { name: `Open KPI: ${alertTitle}` }).click();
  const kpiName = /^(.+?) (went off track|is at risk)/.exec(alertTitle)?.[1] ?? '';
  await expect(page.getByRole('dialog', { name: kpiName })).toBeVisible();
  await page
    .getByRole('dialog', { name: kpiName })
    .getByRole('button', { name: 'Close', exact: true })
    .click();

  reminders = await open();
  const all = reminders.getByRole('button', { name: /^All done: .+ \(\d+\)$/ }).first();
  const label = (await all.getAttribute('aria-label')) ?? '';
  const [, group, count] = /^All done: (.+) \((\d+)\)$/.exec(label) ?? [];
  await all.click();
  await expect(reminders.getByRole('status').filter({ hasText: /marked done/ })).toHaveText(
    `${count ?? ''} reminders marked done.`,
  );
  await expect(
    reminders.getByRole('heading', { level: 4, name: new RegExp(`^${group ?? ''} `) }),
  ).toHaveCount(0);
});

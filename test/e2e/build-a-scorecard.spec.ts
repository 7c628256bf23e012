import { periodKeyOfDay, periodLabel, shiftPeriod } from '../../shared/domain/period';
import { chooseFromFileMenu, expect, test } from './fixtures';

// A consultant starts from nothing: a workspace, a scorecard, a perspective, an objective, two
// KPIs, values typed and pasted — and everything is still there after a reload and a restart.

const today = new Date().toISOString().slice(0, 10);
const thisMonth = periodKeyOfDay('monthly', today);
const lastMonth = shiftPeriod('monthly', thisMonth, -1);
const label = (key: string) => periodLabel('monthly', key, 'en-GB');

test('build a scorecard, enter values by typing and pasting, and find them after a reload', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  // A fresh data folder opens a copy of the sample; start our own workspace instead.
  await chooseFromFileMenu(page, 'Close workspace');
  await page.getByRole('button', { name: 'New workspace', exact: true }).click();
  const newDialog = page.getByRole('dialog', { name: 'New workspace' });
  await newDialog.getByLabel('Workspace name').fill('Acme Ltd');
  await newDialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Acme Ltd', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add scorecard' }).click();
  const scorecardDialog = page.getByRole('dialog', { name: 'New scorecard' });
  await scorecardDialog.getByLabel('Scorecard name').fill('Acme company');
  await scorecardDialog.getByRole('button', { name: 'Add scorecard' }).click();
  // The workspace shows its dashboard; the scorecard is built on its own tab.
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  for (const name of ['Financial', 'Customer', 'Internal Process', 'Learning & Growth']) {
    await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Add perspective' }).click();
  const perspectiveDialog = page.getByRole('dialog', { name: 'New perspective' });
  await perspectiveDialog.getByLabel('Perspective name').fill('Sustainability');
  await perspectiveDialog.getByLabel('Weight').fill('2');
  await perspectiveDialog.getByRole('button', { name: 'Add perspective' }).click();
  await expect(page.getByRole('heading', { name: 'Sustainability', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: 'Add objective to Financial' }).click();
  const objectiveDialog = page.getByRole('dialog', { name: 'New objective' });
  await objectiveDialog.getByLabel('Objective name').fill('Grow revenue');
  await objectiveDialog.getByRole('button', { name: 'Add objective' }).click();
  await expect(page.getByRole('heading', { name: 'Grow revenue', level: 4 })).toBeVisible();

  await page.getByRole('button', { name: 'Add KPI to Grow revenue' }).click();
  let kpiDialog = page.getByRole('dialog', { name: 'New KPI' });
  await kpiDialog.getByLabel('KPI name').fill('Monthly revenue');
  await kpiDialog.getByLabel('Unit', { exact: true }).selectOption('currency');
  await kpiDialog.getByLabel('Currency').fill('EUR');
  await kpiDialog.getByLabel('Target', { exact: true }).fill('10,000');
  await kpiDialog.getByLabel('Owner').fill('Ana');
  await kpiDialog.getByRole('button', { name: 'Add KPI' }).click();
  await expect(kpiDialog).toBeHidden();

  await page.getByRole('button', { name: 'Add KPI to Grow revenue' }).click();
  kpiDialog = page.getByRole('dialog', { name: 'New KPI' });
  await kpiDialog.getByLabel('KPI name').fill('New customers');
  await kpiDialog.getByLabel('Unit label').fill('customers');
  await kpiDialog.getByLabel('Target', { exact: true }).fill('40');
  await kpiDialog.getByRole('button', { name: 'Add KPI' }).click();
  await expect(kpiDialog).toBeHidden();

  const revenueRow = page.getByRole('row', { name: /Monthly revenue/ });
  await expect(revenueRow).toContainText('€10,000');
  await expect(revenueRow).toContainText('No data');

  // Type a value: arrows to the cell, a digit starts editing, Enter saves and moves down.
  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.getByRole('gridcell', { name: `Monthly revenue, ${label(thisMonth)}` }).click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('9500.5');
  await page.keyboard.press('Enter');
  await expect(
    grid.getByRole('gridcell', { name: `Monthly revenue, ${label(lastMonth)}, €9,501` }),
  ).toBeVisible();
  await expect(page.getByRole('status')).toContainText(
    `Saved Monthly revenue, ${label(lastMonth)}`,
  );

  // Paste a 2 × 2 block from a spreadsheet at the revenue cell of last month.
  await grid
    .getByRole('gridcell', { name: new RegExp(`^Monthly revenue, ${label(lastMonth)}`) })
    .click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '11,200\t12,400\r\n31\t44\r\n');
    document
      .querySelector('[role="grid"]')
      ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByRole('status')).toContainText('Pasted 4 values');
  await expect(
    grid.getByRole('gridcell', { name: `Monthly revenue, ${label(thisMonth)}, €12,400` }),
  ).toBeVisible();
  await expect(
    grid.getByRole('gridcell', { name: `New customers, ${label(lastMonth)}, 31 customers` }),
  ).toBeVisible();

  // A reload keeps everything: the token survives in the session, the data in the file.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Acme Ltd', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('row', { name: /Monthly revenue/ })).toContainText('€12,400');
  await expect(page.getByRole('row', { name: /Monthly revenue/ })).toContainText('On track');
  await expect(page.getByRole('row', { name: /New customers/ })).toContainText('44 customers');
  await expect(page.getByRole('heading', { name: 'Sustainability', level: 3 })).toBeVisible();
  await page.getByRole('tab', { name: 'Enter values' }).click();
  await expect(
    page.getByRole('gridcell', { name: `Monthly revenue, ${label(lastMonth)}, €11,200` }),
  ).toBeVisible();

  // Restarting the app reopens the most recent workspace.
  const restarted = await app.restart();
  await page.goto(restarted.url);
  await expect(page.getByRole('heading', { name: 'Acme Ltd', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('row', { name: /New customers/ })).toContainText('On track');
});

test('undo and escape in the grid', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  const cell = grid.getByRole('gridcell', {
    name: new RegExp(`^Operating cash flow, ${label(thisMonth)}`),
  });
  await cell.click();
  await page.keyboard.type('1234');
  await page.keyboard.press('Escape');
  await expect(
    grid.getByRole('gridcell', { name: `Operating cash flow, ${label(thisMonth)}, empty` }),
  ).toBeVisible();

  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  await expect(
    grid.getByRole('gridcell', { name: `Operating cash flow, ${label(thisMonth)}, €1,234` }),
  ).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(
    grid.getByRole('gridcell', { name: `Operating cash flow, ${label(thisMonth)}, empty` }),
  ).toBeVisible();

  // Enter moved the focus down a row; go back up and try a word instead of a number.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    `Operating cash flow, ${label(thisMonth)}: "abc" is not a number`,
  );
  await page.keyboard.press('Escape');
  await expect(
    grid.getByRole('gridcell', { name: `Operating cash flow, ${label(thisMonth)}, empty` }),
  ).toBeVisible();
});

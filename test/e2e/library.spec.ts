import { chooseFromFileMenu, expect, openSample, test } from './fixtures';

// The consultant's kit as a user meets it: a workspace from a template on the start screen, a
// scorecard from a template inside a workspace, and KPIs from the library in two clicks — a
// calculated one bringing its inputs, one bound to a KPI already there, and a clash refused.

test('a new workspace from the hospitality template opens with its objectives and KPIs', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Close workspace');
  await page.getByRole('button', { name: 'New workspace from a template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace from a template' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose a template.');
  await dialog.getByLabel('Workspace name').fill('Harbour Hotel');
  await dialog.getByRole('radio', { name: /^Hospitality/ }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'Harbour Hotel', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByRole('heading', { name: 'Grow room revenue', level: 4 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a skilled team', level: 4 })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /Revenue per available room \(RevPAR\)/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/library-template-workspace.png', fullPage: true });
});

test('KPIs from the library in two clicks, with their inputs, and a scorecard from a template', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Close workspace');
  await page.getByRole('button', { name: 'New workspace', exact: true }).click();
  const newDialog = page.getByRole('dialog', { name: 'New workspace' });
  await newDialog.getByLabel('Workspace name').fill('Acme Ltd');
  await newDialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add scorecard', exact: true }).click();
  const scorecardDialog = page.getByRole('dialog', { name: 'New scorecard' });
  await scorecardDialog.getByLabel('Scorecard name').fill('Acme company');
  await scorecardDialog.getByRole('button', { name: 'Add scorecard' }).click();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Add objective to Financial' }).click();
  const objectiveDialog = page.getByRole('dialog', { name: 'New objective' });
  await objectiveDialog.getByLabel('Objective name').fill('Grow revenue');
  await objectiveDialog.getByRole('button', { name: 'Add objective' }).click();

  // Click one: the library, from the objective.
  await page.getByRole('button', { name: 'Add from library to Grow revenue' }).click();
  const library = page.getByRole('dialog', { name: 'Add from the KPI library to “Grow revenue”' });
  const list = library.getByRole('list', { name: 'Library KPIs' });
  await expect(library.getByRole('status').first()).toHaveText(/^\d+ of \d+ KPIs$/);

  // Browse by department and perspective; search.
  await library.getByLabel('Department').selectOption('saas');
  await expect(
    list.getByRole('button', { name: 'Monthly recurring revenue (MRR)', exact: true }),
  ).toBeVisible();
  await expect(list.getByRole('button', { name: 'Net profit margin', exact: true })).toHaveCount(0);
  await library.getByLabel('Department').selectOption({ label: 'All departments' });
  await library.getByLabel('Perspective').selectOption('Financial');
  await library.getByLabel('Search').fill('net profit margin');
  // Every word matches somewhere (name, code, description or formula): the margins that use net figures.
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(
    list.getByRole('button', { name: 'Gross profit margin', exact: true }),
  ).toBeVisible();

  // Preview shows what it measures and its formula.
  await list.getByRole('button', { name: 'Net profit margin', exact: true }).click();
  const preview = library.getByRole('region', { name: 'Net profit margin' });
  await expect(preview).toContainText('Share of revenue kept as profit');
  await expect(preview).toContainText('net_profit / revenue * 100');
  await expect(preview.getByLabel('Revenue (revenue)')).toHaveValue('add');
  await page.screenshot({ path: 'test-results/library-browser.png' });

  // Click two: add it; its missing inputs come with it.
  await list.getByRole('button', { name: 'Add Net profit margin', exact: true }).click();
  await expect(
    library.getByText(
      'Added “Net profit margin” to “Grow revenue” with its inputs “Net profit”, “Revenue”.',
    ),
  ).toBeVisible();

  // A code the workspace already has: refused, naming the item.
  await library.getByLabel('Search').fill('revenue');
  await list.getByRole('button', { name: 'Add Revenue', exact: true }).click();
  await expect(library.getByRole('alert')).toHaveText(
    '"Revenue" cannot be added: the identifier "revenue" is already used by the KPI "Revenue" in this workspace. Nothing was added.',
  );

  // A missing input bound to a KPI the workspace has: average order value from our revenue.
  await library.getByLabel('Perspective').selectOption({ label: 'All perspectives' });
  await library.getByLabel('Search').fill('average order value');
  await list.getByRole('button', { name: 'Average order value', exact: true }).click();
  await expect(preview).toHaveCount(0);
  const aov = library.getByRole('region', { name: 'Average order value' });
  await expect(aov.getByLabel('Orders (orders)')).toHaveValue('add');
  await aov.getByRole('button', { name: 'Add to “Grow revenue”' }).click();
  await expect(
    library.getByText('Added “Average order value” to “Grow revenue” with its inputs “Orders”.'),
  ).toBeVisible();
  await library.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'KPIs of Grow revenue' });
  for (const name of [
    'Net profit',
    'Revenue',
    'Net profit margin',
    'Orders',
    'Average order value',
  ])
    await expect(
      table.getByRole('rowheader', { name: new RegExp(`^Open ${name}( calculated|$)`) }),
    ).toBeVisible();

  // A scorecard from a template, under the company scorecard.
  await page.getByRole('button', { name: 'Add a scorecard from a template…' }).click();
  const fromTemplate = page.getByRole('dialog', { name: 'Add a scorecard from a template' });
  await fromTemplate.getByLabel('Scorecard name').fill('Online shop');
  await fromTemplate.getByRole('radio', { name: /^Small business/ }).check();
  await fromTemplate.getByRole('button', { name: 'Add scorecard' }).click();
  await expect(page.getByRole('heading', { name: 'Online shop', level: 2 })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Grow profitable revenue', level: 4 }),
  ).toBeVisible();
  // Its KPIs whose identifiers the workspace already used got new ones, and the user is told.
  await expect(page.getByText(/revenue → revenue_2/)).toBeVisible();
  await page.screenshot({ path: 'test-results/library-from-template.png', fullPage: true });
});

test("a consultant's own templates: save a scorecard and a KPI, reuse them, refuse a bad file", async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await page.getByRole('button', { name: 'Save scorecard as template…' }).click();
  const save = page.getByRole('dialog', { name: 'Save the scorecard as a template' });
  await expect(save.getByLabel('Owners (people’s names)')).not.toBeChecked();
  await expect(save.getByLabel('Values and their comments')).not.toBeChecked();
  await save.getByLabel('Template name').fill('Bakery design');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save.getByRole('status')).toContainText('Saved “Bakery design” in your templates');
  await save.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: 'Scorecard' }).click();
  // The KPI detail saves a KPI with the inputs of its formula.
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  const detail = page.getByRole('dialog', { name: 'Net profit margin' });
  await detail.getByRole('button', { name: 'Save as template…' }).click();
  const saveKpi = page.getByRole('dialog', { name: 'Save the KPI as a template' });
  await saveKpi.getByRole('button', { name: 'Save template' }).click();
  await expect(saveKpi.getByRole('status')).toContainText('Saved “Net profit margin”');
  await saveKpi.getByRole('button', { name: 'Done' }).click();
  await expect(detail).toBeVisible();
  await detail.getByRole('button', { name: 'Close', exact: true }).click();

  // Both are offered where templates are chosen, marked as the user's own.
  await page.getByRole('button', { name: 'Add a scorecard from a template…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add a scorecard from a template' });
  await expect(picker.getByRole('radio', { name: /^Bakery design\s*yours/ })).toBeVisible();
  await picker.getByRole('button', { name: 'Cancel' }).click();

  await chooseFromFileMenu(page, 'Templates…');
  const templates = page.getByRole('dialog', { name: 'Templates' });
  const list = templates.getByRole('list', { name: 'Templates' });
  await expect(list.getByRole('button', { name: 'Delete Bakery design' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Delete Net profit margin' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Delete SaaS' })).toHaveCount(0);

  // A file that is not a template is refused, naming what is wrong; nothing is added.
  await templates.getByLabel('Template file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'kpi-scorecard-template',
        version: 1,
        kind: 'kpi',
        name: 'Broken',
        kpis: [{ name: 'Margin', code: 'margin', formula: 'profit / sales' }],
      }),
    ),
  });
  await templates.getByRole('button', { name: 'Import template' }).click();
  await expect(templates.getByRole('alert')).toContainText(
    'The formula of "Margin" (margin) needs the KPI "profit", which the template does not include',
  );
  await expect(list.getByRole('listitem')).toHaveCount(8);

  page.once('dialog', (confirm) => void confirm.accept());
  await list.getByRole('button', { name: 'Delete Bakery design' }).click();
  await expect(templates.getByRole('status')).toHaveText('Deleted “Bakery design”.');
  await expect(list.getByRole('listitem')).toHaveCount(7);
});

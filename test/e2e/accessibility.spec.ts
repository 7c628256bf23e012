import { expectAccessible } from './axe';
import { chooseFromFileMenu, expect, openSample, test } from './fixtures';

// axe-core on every screen, in the light and the dark theme: a serious or critical violation
// fails the test with the rule, the elements and axe's advice. Also checked: visible labels are
// part of accessible names (an experimental rule, off by default), since speech users say what
// they see. The team-sync dialogs and panel are checked in both themes by team-sync.spec.ts,
// which has the PostgreSQL server they need.

// Each theme at one of the two window sizes users were seen with, so scrolled regions show up.
const RUNS = [
  { theme: 'light', viewport: { width: 1366, height: 768 } },
  { theme: 'dark', viewport: { width: 900, height: 700 } },
] as const;

for (const { theme, viewport } of RUNS) {
  test(`every screen passes axe-core in the ${theme} theme at ${String(viewport.width)}×${String(viewport.height)}`, async ({
    page,
    app,
  }) => {
    // Seventeen axe runs (the dashboard, the health check, its dismiss dialog and the audit
    // trail among them) and a notice's ten seconds: up to about 4 min on the shared machine.
    test.setTimeout(360_000);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: theme });
    await openSample(page, app);
    const attention = page.getByRole('region', { name: 'Off track and at risk' });
    await expect(attention.getByRole('row', { name: /Net profit margin/ })).toBeVisible();
    await expectAccessible(page, 'dashboard');

    await page.getByRole('tab', { name: 'Health check' }).click();
    const findings = page.getByRole('list', { name: 'Findings' });
    await expect(findings.getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page, 'health check');
    await findings
      .getByRole('button', { name: /^Dismiss: / })
      .first()
      .click();
    const dismiss = page.getByRole('dialog', { name: 'Dismiss a finding' });
    await expect(dismiss.getByLabel('Why is this fine?')).toBeFocused();
    await expectAccessible(page, 'dismiss a finding');
    await dismiss.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Audit trail' }).click();
    const trail = page.getByRole('region', { name: 'Audit trail' });
    await expect(trail.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await expectAccessible(page, 'audit trail');

    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await expect(page.getByRole('row', { name: /Net profit margin/ })).toBeVisible();
    await expectAccessible(page, 'scorecard');

    await page.getByRole('tab', { name: 'Enter values' }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    await expectAccessible(page, 'grid');

    await page.getByRole('tab', { name: 'Strategy map' }).click();
    await page.getByRole('button', { name: /^Bake on time, every time (On|At|Off|No)/ }).click();
    await expect(page.getByRole('region', { name: 'Bake on time, every time' })).toBeVisible();
    await expectAccessible(page, 'strategy map');

    await page.getByRole('tab', { name: 'KPI hierarchy' }).click();
    await expect(page.getByRole('tree', { name: 'KPI hierarchy' })).toBeVisible();
    await expectAccessible(page, 'hierarchy');

    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await page.getByRole('button', { name: 'Open Net profit margin' }).click();
    const detail = page.getByRole('dialog', { name: 'Net profit margin' });
    await expect(detail.getByRole('img', { name: /^Net profit margin: / })).toBeVisible();
    await expectAccessible(page, 'KPI detail');
    await detail.getByRole('button', { name: 'Edit comment on Oct 2026' }).click();
    const comment = page.getByRole('dialog', { name: 'Comment on Net profit margin, Oct 2026' });
    await expect(comment.getByLabel('Comment')).toBeFocused();
    await expectAccessible(page, 'comment from the KPI detail');
    await comment.getByRole('button', { name: 'Cancel' }).click();
    await detail.getByRole('button', { name: 'Close', exact: true }).click();

    // A delete's notice with Undo (a scorecard's, which the screens below do not need; axe
    // may outlast the notice's ten seconds, so the test waits for it to go rather than undo).
    const tree = page.getByRole('navigation', { name: 'Scorecards' });
    await tree.getByRole('button', { name: 'Cafés' }).click();
    await tree.getByRole('button', { name: 'Delete scorecard' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted the scorecard “Cafés”' });
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'undo notice');
    await expect(notice).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('row', { name: /Net profit margin/ })).toBeVisible();

    await page.getByRole('button', { name: 'Edit KPI Net profit margin' }).click();
    const form = page.getByRole('dialog', { name: /Net profit margin/ });
    await expect(form.getByLabel('KPI name')).toBeVisible();
    await expectAccessible(page, 'KPI form');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await chooseFromFileMenu(page, 'Import values…');
    const wizard = page.getByRole('dialog', { name: 'Import values' });
    await expect(wizard).toBeVisible();
    await expectAccessible(page, 'import wizard');
    await wizard.getByRole('button', { name: 'Cancel' }).click();

    await chooseFromFileMenu(page, 'Export…');
    const exporting = page.getByRole('dialog', { name: 'Export' });
    await expect(exporting).toBeVisible();
    await expectAccessible(page, 'export');
    await exporting.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: /^Reminders/ }).click();
    const reminders = page.getByRole('dialog', { name: 'Reminders' });
    await expect(reminders.getByRole('list', { name: 'Reminders inbox' })).toBeVisible();
    await expectAccessible(page, 'reminders');
    await reminders.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByRole('group', { name: 'Theme' })).toBeVisible();
    await expectAccessible(page, 'settings');
    await settings.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Add from library to Grow profitable revenue' }).click();
    const library = page.getByRole('dialog', { name: /^Add from the KPI library/ });
    await expect(library.getByText(/^\d+ of \d+ KPIs$/)).toBeVisible();
    await library.getByLabel('Search').fill('retention');
    await library
      .getByRole('list', { name: 'Library KPIs' })
      .getByRole('button', { name: 'Customer retention rate', exact: true })
      .click();
    await expect(library.getByRole('region', { name: 'Customer retention rate' })).toBeVisible();
    await expectAccessible(page, 'KPI library');
    await library.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Add a scorecard from a template…' }).click();
    const fromTemplate = page.getByRole('dialog', { name: 'Add a scorecard from a template' });
    await expect(fromTemplate.getByRole('radio', { name: /^SaaS/ })).toBeVisible();
    await expectAccessible(page, 'scorecard from a template');
    await fromTemplate.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Board report' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Preview ready' })).toBeVisible({
      timeout: 20_000,
    });
    await expectAccessible(page, 'board report');
  });
}

test("the start screen's template dialog passes axe-core in both themes", async ({ page, app }) => {
  await page.goto(app.url);
  await chooseFromFileMenu(page, 'Close workspace');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.getByRole('button', { name: 'New workspace from a template…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace from a template' });
    await expect(dialog.getByRole('radio', { name: /^Non-profit/ })).toBeVisible();
    await expectAccessible(page, `new workspace from a template (${theme})`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('a skip link leads to the content, and the view tabs follow the arrow keys', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  const dashboard = page.getByRole('tab', { name: 'Dashboard' });
  await dashboard.focus();
  await page.keyboard.press('ArrowRight');
  const scorecard = page.getByRole('tab', { name: 'Scorecard' });
  await expect(scorecard).toBeFocused();
  await expect(scorecard).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Scorecard' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Audit trail' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Audit trail' })).toBeVisible();
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(dashboard).toBeFocused();
  await expect(dashboard).toHaveAttribute('aria-selected', 'true');
  // One tab stop for the row: Tab leaves the tabs for the panel.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Scorecard' })).not.toBeFocused();
});

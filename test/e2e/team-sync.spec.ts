import { execFileSync } from 'node:child_process';
import { psql, startPostgres, type TestPostgres } from '../fixtures/postgres';
import { expectAccessible } from './axe';
import {
  apiCaller,
  chooseFromFileMenu,
  expect,
  openSample,
  startSecondApp,
  test,
  watchPageErrors,
} from './fixtures';
import type { Page } from '@playwright/test';

// Team sync as two people use it, against a real PostgreSQL: Alice shares the sample through
// the File menu (a wrong address is said next to its field), Bob joins it from the start screen
// of another browser-mode host (a wrong space likewise), a value Alice types shows on Bob's
// screen after the background sync with no reload, the same value typed on both while the
// server is down is listed for review, and keeping Alice's side settles it on both screens.
// axe runs on both dialogs and the panel in the light and the dark theme.

let server: TestPostgres;

test.beforeAll(async () => {
  server = await startPostgres();
  psql(server, 'CREATE ROLE alice LOGIN; CREATE ROLE bob LOGIN;');
  // The server set up as its owner would: kpis server init.
  execFileSync(process.execPath, ['bin/kpis.mjs', 'server', 'init', server.url]);
  // Quick background syncs, so the test watches values travel in seconds.
  process.env.KPIS_SYNC_DEBOUNCE_MS = '500';
  process.env.KPIS_SYNC_INTERVAL_MS = '1500';
  process.env.KPIS_SYNC_RETRY_MS = '500';
});
test.afterAll(() => {
  delete process.env.KPIS_SYNC_DEBOUNCE_MS;
  delete process.env.KPIS_SYNC_INTERVAL_MS;
  delete process.env.KPIS_SYNC_RETRY_MS;
  server.stop();
});

async function inBothThemes(page: Page, screen: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expectAccessible(page, `${screen} (${theme})`);
    await page.screenshot({
      path: `test-results/e2e/team-sync-${screen.replaceAll(' ', '-')}-${theme}.png`,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function typeValue(page: Page, cell: string, value: string): Promise<void> {
  await page.getByRole('tab', { name: 'Enter values' }).click();
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.getByRole('gridcell', { name: new RegExp(`^${cell}`) }).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Saved ${cell}` })).toBeVisible();
}

function marginRow(page: Page) {
  return page.getByRole('row', { name: /Net profit margin/ });
}

test('share, join, a value travels, a conflict is reviewed and settled', async ({ page, app }) => {
  test.setTimeout(180_000);
  const errors = watchPageErrors(page);
  await openSample(page, app);

  // Alice shares the sample; a wrong address first.
  await chooseFromFileMenu(page, 'Share this workspace…');
  const share = page.getByRole('dialog', { name: 'Share this workspace' });
  await inBothThemes(page, 'share dialog');
  const address = share.getByLabel('Server address');
  await address.fill(server.urlFor('alice').replace(`:${String(server.port)}/`, ':1/'));
  await share.getByLabel('Space name').fill('bakery');
  await share.getByRole('button', { name: 'Share' }).click();
  await expect(address).toHaveAccessibleDescription(/Cannot reach the server/);
  await address.fill(server.urlFor('alice'));
  await share.getByRole('button', { name: 'Share' }).click();
  await expect(share.getByRole('status')).toContainText('Shared as “bakery”');
  await share.getByRole('button', { name: 'Close' }).click();
  const indicator = page.getByRole('button', { name: /^Team sync: / });
  await expect(indicator).toBeVisible();
  await expect(indicator).toHaveAccessibleName(/Synced|Syncing/);
  await apiCaller(page, app)('sync.setMember', {
    url: server.urlFor('alice'),
    space: 'bakery',
    member: 'bob',
    role: 'editor',
  });

  // Bob joins from the start screen of his own app.
  const bobApp = await startSecondApp();
  try {
    const bob = await page.context().newPage();
    const bobErrors = watchPageErrors(bob);
    // A first start opens the sample; Bob closes it to reach the start screen.
    await bob.goto(bobApp.url);
    await chooseFromFileMenu(bob, 'Close workspace');
    await bob.getByRole('button', { name: 'Join a shared workspace…' }).click();
    const join = bob.getByRole('dialog', { name: 'Join a shared workspace' });
    await inBothThemes(bob, 'join dialog');
    await join.getByLabel('Server address').fill(server.urlFor('bob'));
    const space = join.getByLabel('Space name');
    await space.fill('nope');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(space).toHaveAccessibleDescription(/not a member|no space|does not exist/i);
    await space.fill('bakery');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(
      bob.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
    ).toBeVisible({ timeout: 30_000 });
    await bob.getByRole('tab', { name: 'Scorecard' }).click();
    await expect(marginRow(bob)).toContainText('9.6%');

    // Alice types a value; Bob sees it without a reload.
    await typeValue(page, 'Net profit margin, Oct 2026', '36');
    await expect(marginRow(bob)).toContainText('36.0%', { timeout: 20_000 });

    // Both type the same value while the server is away.
    server.kill();
    try {
      await typeValue(page, 'Net profit margin, Oct 2026', '40');
      await expect(indicator).toHaveAccessibleName(/Offline/, { timeout: 15_000 });
      await typeValue(bob, 'Net profit margin, Oct 2026', '50');
    } finally {
      server.start();
    }
    await expect(indicator).toHaveAccessibleName('Team sync: 1 to review', { timeout: 30_000 });

    // Alice reviews it: both sides, who wrote them, which is shown; she keeps hers.
    await indicator.click();
    const panel = page.getByRole('dialog', { name: 'Team sync' });
    const keepMine = panel.getByRole('button', {
      name: 'Keep this: 40.0% for Net profit margin, Oct 2026',
    });
    await expect(keepMine).toBeVisible();
    await expect(panel).toContainText('by alice');
    await expect(panel).toContainText('by bob');
    await expect(panel.getByRole('listitem').filter({ hasText: /^50\.0% by bob/ })).toContainText(
      'shown now',
    );
    await inBothThemes(page, 'sync panel with a conflict');
    await keepMine.click();
    await expect(panel).toContainText('None: every edit saw the others.');
    await expect(keepMine).toBeHidden();
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await expect(marginRow(page)).toContainText('40.0%');
    // And on Bob's screen, after the background sync.
    await expect(marginRow(bob)).toContainText('40.0%', { timeout: 20_000 });
    await expect(bob.getByRole('button', { name: /^Team sync: / })).toHaveAccessibleName(
      /Team sync: (Synced|Syncing)/,
    );
    expect(bobErrors).toEqual([]);
  } finally {
    await bobApp.stop();
  }
  expect(errors).toEqual([]);
});

import { expect, openSample, test } from './fixtures';

// Browser mode listens on the same port every start (server/args.ts USUAL_PORT), so a tab left
// open meets the new start with the old start's token: it says so (at once, and on a reload),
// and opening the newly printed address in that same tab (only the fragment differs, which
// loads nothing) takes the new token.

test('a tab from an earlier start says its link is no longer valid, and takes the new address', async ({
  page,
  app,
}) => {
  await openSample(page, app);
  const port = new URL(app.origin).port;
  const restarted = await app.restart(['--port', port]);
  expect(restarted.origin).toBe(app.origin);
  expect(restarted.token).not.toBe(app.token);

  // Left open, without a reload: the page hears the refusal on its event stream.
  const refusal = page.getByRole('alert').filter({ hasText: 'access link is no longer valid' });
  await expect(refusal).toBeVisible();
  await page.reload();
  await expect(page.getByRole('alert')).toContainText(
    'This page’s access link is no longer valid: KPI Scorecard has been started again since it was opened, or the link was changed.',
  );
  await expect(page.getByRole('heading', { name: 'Harbour Street Bakery & Café' })).toHaveCount(0);

  // The new address pasted into the same tab.
  await page.goto(restarted.url);
  await expect(
    page.getByRole('heading', { name: 'Harbour Street Bakery & Café', level: 1 }),
  ).toBeVisible();
  // The token is taken out of the address bar again.
  expect(new URL(page.url()).hash).toBe('');
});

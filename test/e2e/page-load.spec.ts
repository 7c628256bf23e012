import { expect, test, openSampleScorecard } from './fixtures';

// Loading the app logs nothing wrong: no console error, no CSP violation (the page loads no zod,
// whose `new Function` probe the policy would refuse), and the favicon the browser asks for is
// there.

test('the app loads without a console error, and /favicon.ico answers', async ({ page, app }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await openSampleScorecard(page, app);
  // Something that parses API answers and forms with zod, then a moment for late errors.
  await page.getByRole('button', { name: 'Open Net profit margin' }).click();
  await expect(page.getByRole('dialog', { name: 'Net profit margin' })).toBeVisible();

  const favicon = await page.request.get(`${app.origin}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/x-icon');
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  expect(problems).toEqual([]);
});

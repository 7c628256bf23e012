import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real app in browser mode (the built renderer served by
// `out/main/server.js`) in Debian's Chromium; Playwright's own browser download is not used.

const reporters: NonNullable<Parameters<typeof defineConfig>[0]['reporter']> = [['list']];
if (process.env.KPIS_E2E_REPORT)
  reporters.push(['json', { outputFile: process.env.KPIS_E2E_REPORT }]);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: reporters,
  outputDir: 'test-results/e2e',
  use: {
    headless: true,
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
});

import { existsSync } from 'node:fs';
import type { PdfEngine } from './context';
import { problem } from './errors';

// `kpis report` in plain Node: Chromium driven by playwright-core (the library the end-to-end
// tests use, installed with @playwright/test), printing with the same engine and settings as
// the app's Save PDF. The desktop app's --cli uses Electron's own engine instead
// (electron/main/cli.ts).

const LAYOUT_TIMEOUT_MS = 120_000;
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumEngine(env: Readonly<Record<string, string | undefined>>): PdfEngine {
  return async (request) => {
    const named = request.chromiumPath ?? env.CHROMIUM_PATH ?? null;
    const executablePath = named ?? DEFAULT_CHROMIUM;
    if (!existsSync(executablePath))
      throw problem(
        named === null
          ? `No Chromium was found at ${DEFAULT_CHROMIUM}; the report is printed with Chromium. Install it (Debian: apt-get install chromium), or name one with --chromium PATH or CHROMIUM_PATH.`
          : `No Chromium was found at ${named} (from ${request.chromiumPath === null ? 'CHROMIUM_PATH' : '--chromium'}); name the Chromium executable.`,
      );
    let playwright: typeof import('playwright-core');
    try {
      playwright = await import('playwright-core');
    } catch {
      throw problem(
        'playwright-core, which drives Chromium, is not installed; run npm install in the app folder.',
      );
    }
    const browser = await playwright.chromium.launch({ executablePath }).catch((error: unknown) => {
      throw problem(
        `Chromium at ${executablePath} could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
      );
    });
    try {
      const page = await browser.newPage({ locale: request.locale });
      await page.goto(request.url);
      // The report view sets its title when laid out (fonts loaded) or when it failed.
      await page.waitForFunction(
        (titles: string[]) =>
          titles.includes(
            (globalThis as unknown as { document: { title: string } }).document.title,
          ),
        [request.readyTitle, request.failedTitle],
        { timeout: LAYOUT_TIMEOUT_MS, polling: 'raf' },
      );
      if ((await page.title()) === request.failedTitle) {
        const why = (await page.getByRole('alert').first().textContent()) ?? 'unknown';
        throw problem(`The report could not be made: ${why}`);
      }
      await page.pdf({ path: request.outPath, preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
  };
}

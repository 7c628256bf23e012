import { writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, app } from 'electron';
import { createBackend } from '../backend/index';
import type { CliContext, PdfEngine } from '../cli/context';
import { terminalConfirm } from '../cli/confirm';
import { runCli } from '../cli/run';

// `"KPI Scorecard" --cli COMMAND …`: the `kpis` command line run by the desktop app's own
// executable (the way `code --list-extensions` works), before any window or single-instance
// lock. The commands are the same; only the PDF engine differs: Electron's own printToPDF in a
// hidden window, so no separate Chromium is needed. Wiring only (cannot run without the
// Electron binary); the commands are tested in plain Node (test/integration/cli).

const LAYOUT_TIMEOUT_MS = 120_000;

const electronPdf: PdfEngine = async (request) => {
  await app.whenReady();
  const hidden = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    const laidOut = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('the report took too long to lay out'));
      }, LAYOUT_TIMEOUT_MS);
      hidden.webContents.on('page-title-updated', (_event, title) => {
        if (title === request.readyTitle || title === request.failedTitle) clearTimeout(timer);
        if (title === request.readyTitle) resolve();
        if (title === request.failedTitle)
          reject(new Error('the report could not be made (open it in the app to see why)'));
      });
    });
    await hidden.loadURL(request.url);
    await laidOut;
    const pdf = await hidden.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
    });
    await writeFile(request.outPath, pdf);
  } finally {
    hidden.destroy();
  }
};

export interface DesktopCliSetup {
  appRoot: string;
  resourcesDir: string;
  nativeBinding: string | undefined;
}

/** Runs the command and ends the app with its exit code. */
export function runDesktopCli(args: readonly string[], setup: DesktopCliSetup): void {
  app.dock?.hide();
  // Chromium's profile (caches, storage) of its own, so a command never contends with the
  // desktop app running at the same time for the same folders.
  const profile = mkdtempSync(join(tmpdir(), 'kpis-cli-electron-'));
  app.setPath('userData', profile);
  const exit = (code: number): void => {
    rmSync(profile, { recursive: true, force: true });
    app.exit(code);
  };
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  const ctx: CliContext = {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
    confirm: process.stdin.isTTY ? terminalConfirm : null,
    appVersion: app.getVersion(),
    userName: userName(),
    samplePath: join(setup.resourcesDir, 'sample', 'sample-workspace.json'),
    // Worker scripts cannot run from inside the asar archive; electron-builder unpacks it.
    importWorkerPath: join(setup.appRoot, 'out', 'main', 'import-worker.js').replace(
      /app\.asar([\\/])/u,
      'app.asar.unpacked$1',
    ),
    rendererDir: join(setup.appRoot, 'out', 'renderer'),
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
    createBackend,
    printPdf: electronPdf,
    locale: resolved.locale,
    timeZone: resolved.timeZone,
  };
  runCli(ctx, args).then(exit, (error: unknown) => {
    process.stderr.write(`kpis: ${String(error)}\n`);
    exit(1);
  });
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

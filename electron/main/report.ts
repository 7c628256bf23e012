import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { printSignals, REPORT_PRINT_HASH } from '@shared/report/print-route';
import type { PdfPrinter } from '../backend/report/pdf-printer';
import { safeFileStem } from './file-names';
import { mainWindowOptions } from './window-options';

// "Save PDF" in the desktop app: the native save dialog, then the report view rendered in a
// hidden window with the same security settings as the main one, printed by Chromium's engine
// (webContents.printToPDF, honouring the report's @page size and margin boxes). Wiring only:
// the report itself is the renderer's print view, tested in browser mode; this file cannot run
// on machines without the Electron binary.

const LAYOUT_TIMEOUT_MS = 120_000;

export interface ReportPdfSetup {
  appUrl: string;
  preloadPath: string;
  defaultFolder: string;
  getWindow(): BrowserWindow | null;
}

function waitForReport(window: BrowserWindow): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('the report took too long to lay out'));
    }, LAYOUT_TIMEOUT_MS);
    const signal = printSignals();
    window.webContents.on('page-title-updated', (_event, title) => {
      const next = signal(title);
      if (next === 'print') {
        clearTimeout(timer);
        resolve();
      } else if (next === 'failed') {
        clearTimeout(timer);
        reject(new Error('the report could not be made (see the preview for why)'));
      }
    });
  });
}

export function reportPdfPrinter(setup: ReportPdfSetup): PdfPrinter {
  return async (suggestedName) => {
    const stem = safeFileStem(suggestedName.replace(/\.pdf$/i, ''));
    const options: SaveDialogOptions = {
      title: 'Save the board report',
      defaultPath: join(setup.defaultFolder, `${stem}.pdf`),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    };
    const parent = setup.getWindow();
    const choice = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    const path = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;

    const hidden = new BrowserWindow({
      ...mainWindowOptions({ preloadPath: setup.preloadPath }),
      show: false,
    });
    try {
      const ready = waitForReport(hidden);
      await hidden.loadURL(`${setup.appUrl}${REPORT_PRINT_HASH}`);
      await ready;
      const pdf = await hidden.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
      });
      await writeFile(path, pdf);
      return { path };
    } finally {
      hidden.destroy();
    }
  };
}

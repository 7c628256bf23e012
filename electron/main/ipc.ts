import {
  dialog,
  ipcMain,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { join } from 'node:path';
import { IPC_CHANNELS } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/errors';
import type { Backend } from '../backend/platform';
import { WORKSPACE_FILTER, suggestedWorkspacePath, withWorkspaceExtension } from './file-names';
import { DIALOG_PURPOSE, type FileGrants } from './file-grants';
import { isAppUrl } from './trusted-url';

// The backend's dispatcher and the native file dialogs on IPC. Every message is checked: it must
// come from the app's own page, and every argument is `unknown` until validated (STYLE.md 3).

export interface IpcSetup {
  backend: Pick<Backend, 'dispatch'>;
  /** What the window loads: the built index.html, or the dev server in development. */
  appUrl: string;
  getWindow(): BrowserWindow | null;
  /** Where the save dialogs start. */
  workspacesDir: string;
  /** What the user picks in a dialog is granted here; the backend allows nothing else. */
  grants: FileGrants;
  /** After a workspace call succeeded: the menu refreshes its recent list and enabled items. */
  onWorkspaceChanged(method: string): void;
}

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the KPI Scorecard window.' },
};

export function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url, appUrl);
}

/**
 * Carries the backend's server events to the window on one channel, only while it shows the
 * app's own page (not after a navigation elsewhere, which the security setup blocks anyway).
 * Returns the unsubscribe.
 */
export function forwardServerEvents(
  source: Pick<Backend, 'subscribe'>,
  getWindow: () => BrowserWindow | null,
  appUrl: string,
): () => void {
  return source.subscribe((event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL(), appUrl)) return;
    contents.send(IPC_CHANNELS.event, event);
  });
}

export function setupIpc(setup: IpcSetup): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => isTrustedSender(event, setup.appUrl);

  ipcMain.handle(
    IPC_CHANNELS.invoke,
    async (event, method: unknown, params: unknown): Promise<ApiResult<unknown>> => {
      if (!trusted(event)) return FORBIDDEN;
      if (typeof method !== 'string') {
        return {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: 'The API method name must be text.' },
        };
      }
      const result = await setup.backend.dispatch(method, params);
      if (result.ok && method.startsWith('workspace.')) setup.onWorkspaceChanged(method);
      return result;
    },
  );

  const granted = (path: string | null, purpose: keyof typeof DIALOG_PURPOSE): string | null => {
    if (path !== null) setup.grants.grant(path, DIALOG_PURPOSE[purpose]);
    return path;
  };

  const openDialog =
    (purpose: 'openWorkspace' | 'importFile', choose: (arg: unknown) => OpenDialogOptions) =>
    async (event: IpcMainInvokeEvent, arg?: unknown): Promise<string | null> => {
      if (!trusted(event)) return null;
      const options = choose(arg);
      const window = setup.getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return granted(result.canceled ? null : (result.filePaths[0] ?? null), purpose);
    };

  ipcMain.handle(
    IPC_CHANNELS.dialogOpen,
    openDialog('openWorkspace', () => ({
      title: 'Open Workspace',
      defaultPath: setup.workspacesDir,
      properties: ['openFile'],
      filters: [WORKSPACE_FILTER],
    })),
  );
  ipcMain.handle(
    IPC_CHANNELS.dialogImportFile,
    openDialog('importFile', (kind) =>
      kind === 'package'
        ? {
            title: 'Import Package',
            properties: ['openFile'],
            filters: [{ name: 'KPI Scorecard packages', extensions: ['json'] }],
          }
        : {
            title: 'Import Values',
            properties: ['openFile'],
            filters: [{ name: 'Spreadsheets', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm'] }],
          },
    ),
  );
  ipcMain.handle(
    IPC_CHANNELS.dialogSaveExport,
    async (event, suggestedName: unknown, extension: unknown): Promise<string | null> => {
      if (!trusted(event)) return null;
      const ext = extension === 'csv' || extension === 'xlsx' ? extension : 'json';
      const name = typeof suggestedName === 'string' ? suggestedName.slice(0, 200) : 'Export';
      const options: SaveDialogOptions = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: join(setup.workspacesDir, `${name.replace(/[\\/:*?"<>|]/gu, '_')}.${ext}`),
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = setup.getWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return granted(result.canceled || !result.filePath ? null : result.filePath, 'saveExport');
    },
  );

  const saveDialog =
    (title: string, buttonLabel: string, purpose: 'newWorkspace' | 'saveCopy') =>
    async (event: IpcMainInvokeEvent, suggestedName: unknown): Promise<string | null> => {
      if (!trusted(event)) return null;
      const name = typeof suggestedName === 'string' ? suggestedName : 'Workspace';
      const options: SaveDialogOptions = {
        title,
        buttonLabel,
        defaultPath: suggestedWorkspacePath(setup.workspacesDir, name),
        filters: [WORKSPACE_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = setup.getWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return granted(
        result.canceled || !result.filePath ? null : withWorkspaceExtension(result.filePath),
        purpose,
      );
    };

  ipcMain.handle(IPC_CHANNELS.dialogNew, saveDialog('New Workspace', 'Create', 'newWorkspace'));
  ipcMain.handle(IPC_CHANNELS.dialogSaveCopy, saveDialog('Save a Copy', 'Save Copy', 'saveCopy'));
}

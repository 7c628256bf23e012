import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/api/bridge';
import type { RecentWorkspace } from '@shared/domain/entities';

// The application menu as data. Built by a pure function so labels, shortcuts and the commands
// each item sends are unit-tested; index.ts turns it into a Menu.

export const HELP_URL = 'https://kpiscorecard.app/help';

export interface MenuInput {
  platform: NodeJS.Platform;
  recent: readonly RecentWorkspace[];
  /** Whether a workspace is open (Save a Copy and Close need one). */
  hasWorkspace: boolean;
  /** Development build: adds Reload and the developer tools. */
  isDev: boolean;
  /** Asks the renderer to act (it owns the flows, their dialogs and their error messages). */
  send: (command: MenuCommand) => void;
  clearRecent: () => void;
  showAbout: () => void;
  openExternal: (url: string) => void;
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const isMac = input.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'KPI Scorecard',
      submenu: [
        { label: 'About KPI Scorecard', click: input.showAbout },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: 'Quit KPI Scorecard' },
      ],
    });
  }
  template.push(fileMenu(input, isMac), editMenu(), viewMenu(input), windowMenu(isMac));
  template.push({
    role: 'help',
    label: 'Help',
    submenu: [
      {
        label: 'KPI Scorecard Help',
        click: () => {
          input.openExternal(HELP_URL);
        },
      },
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            { label: 'About KPI Scorecard', click: input.showAbout },
          ]),
    ],
  });
  return template;
}

function fileMenu(input: MenuInput, isMac: boolean): MenuItemConstructorOptions {
  const send = (command: MenuCommand) => () => {
    input.send(command);
  };
  const existing = input.recent.filter((entry) => entry.exists);
  const recentItems: MenuItemConstructorOptions[] =
    existing.length === 0
      ? [{ label: 'No Recent Workspaces', enabled: false }]
      : existing.map((entry) => ({
          label: `${entry.name} — ${entry.path}`,
          click: send({ type: 'open-path', path: entry.path }),
        }));
  return {
    label: isMac ? 'File' : '&File',
    submenu: [
      {
        label: 'New Workspace…',
        accelerator: 'CmdOrCtrl+N',
        click: send({ type: 'new-workspace' }),
      },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send({ type: 'open-workspace' }) },
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          {
            label: 'Clear Recently Opened',
            enabled: input.recent.length > 0,
            click: input.clearRecent,
          },
        ],
      },
      { label: 'Open Sample Workspace', click: send({ type: 'open-sample' }) },
      { type: 'separator' },
      {
        label: 'Save a Copy…',
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: input.hasWorkspace,
        click: send({ type: 'save-copy' }),
      },
      {
        label: 'Close Workspace',
        accelerator: 'CmdOrCtrl+W',
        enabled: input.hasWorkspace,
        click: send({ type: 'close-workspace' }),
      },
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            input.platform === 'win32'
              ? ({ role: 'quit', label: 'Exit' } as const)
              : ({ role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const),
          ]),
    ],
  };
}

function editMenu(): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(input: MenuInput): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      ...(input.isDev
        ? [
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

function windowMenu(isMac: boolean): MenuItemConstructorOptions {
  // Ctrl/Cmd+W belongs to Close Workspace, so closing the window gets Shift as well.
  const closeWindow: MenuItemConstructorOptions = {
    role: 'close',
    label: 'Close Window',
    accelerator: 'CmdOrCtrl+Shift+W',
  };
  return {
    label: 'Window',
    role: 'window',
    submenu: isMac
      ? [
          { role: 'minimize' },
          { role: 'zoom' },
          closeWindow,
          { type: 'separator' },
          { role: 'front' },
        ]
      : [{ role: 'minimize' }, closeWindow],
  };
}

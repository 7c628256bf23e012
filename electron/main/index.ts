import { existsSync, mkdirSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  powerMonitor,
  screen,
  session,
  shell,
} from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '@shared/api/bridge';
import type { RecentWorkspace, WorkspaceInfo } from '@shared/domain/entities';
import { createBackend } from '../backend/index';
import type { Backend } from '../backend/platform';
import { withPdfPrinter } from '../backend/report/pdf-printer';
import { openInitialWorkspace } from '../server/startup';
import { cliArguments } from '../cli/args';
import { APP_URL, handleAppScheme, registerAppScheme } from './app-protocol';
import { osCredentials } from './credentials';
import { setupContentSecurityPolicy } from './csp';
import { FileGrants } from './file-grants';
import { forwardServerEvents, setupIpc } from './ipc';
import { reportPdfPrinter } from './report';
import { buildMenuTemplate } from './menu';
import { setupReminders } from './reminders';
import { setupSecurity } from './security';
import { setupSingleInstance, type SingleInstanceSetup } from './single-instance';
import { isSafeExternalUrl } from './trusted-url';
import { mainWindowOptions } from './window-options';
import { clampToDisplays, loadWindowState, trackWindowState } from './window-state';

// The desktop shell: composition only. Everything with logic lives in a module of its own that is
// unit-tested without Electron; this file wires them to the real app.

const appRoot = app.getAppPath();
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(appRoot, 'out', 'renderer');
const appUrl = devServerUrl ?? APP_URL;
const resourcesDir = app.isPackaged ? process.resourcesPath : join(appRoot, 'resources');
const log = (message: string, error?: unknown): void => {
  console.error(message, error ?? '');
};

app.enableSandbox();
// app:// is registered before the app is ready (electron/main/app-protocol.ts).
registerAppScheme();
// `--cli COMMAND …`: the command line (electron/main/cli.ts), with no window and no lock.
const cliArgs = cliArguments(process.argv);
if (cliArgs !== null) {
  // Loaded only for a command: a window's start never parses the command line's code.
  import('./cli')
    .then(({ runDesktopCli }) => {
      runDesktopCli(cliArgs, { appRoot, resourcesDir, nativeBinding: nativeBinding() });
    })
    .catch((error: unknown) => {
      process.stderr.write(`kpis: ${String(error)}\n`);
      app.exit(1);
    });
} else {
  const instance = setupSingleInstance();
  if (!instance.primary) {
    app.quit();
  } else {
    app
      .whenReady()
      .then(() => start(instance.takeInitialPath, instance.connect))
      .catch((error: unknown) => {
        log('KPI Scorecard could not start.', error);
        dialog.showErrorBox('KPI Scorecard could not start', String(error));
        app.exit(1);
      });
  }
}

function nativeBinding(): string | undefined {
  if (process.env.KPIS_NATIVE_BINDING) return process.env.KPIS_NATIVE_BINDING;
  // Built for Electron's ABI by `npm start` (scripts/electron-native.mjs); a packaged app has
  // better-sqlite3 rebuilt in place by electron-builder instead.
  const built = join(appRoot, '.native', 'electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(built) ? built : undefined;
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

async function start(
  takeInitialPath: () => string | null,
  connect: (setup: SingleInstanceSetup) => void,
): Promise<void> {
  setupContentSecurityPolicy(session.defaultSession, devServerUrl !== undefined);
  if (devServerUrl === undefined) handleAppScheme(await realpath(rendererDir));
  setupSecurity(session.defaultSession, appUrl);

  const workspacesDir = join(app.getPath('documents'), 'KPI Scorecard');
  mkdirSync(workspacesDir, { recursive: true });
  const binding = nativeBinding();
  // Paths the user picked in native dialogs (ipc.ts) or the OS handed over; nothing else.
  const grants = new FileGrants();
  const backend: Backend = createBackend({
    fileAccess: grants,
    mode: 'desktop',
    appVersion: app.getVersion(),
    dataDir: app.getPath('userData'),
    workspacesDir,
    samplePath: join(resourcesDir, 'sample', 'sample-workspace.json'),
    // Worker scripts cannot run from inside the asar archive; electron-builder unpacks it.
    importWorkerPath: join(appRoot, 'out', 'main', 'import-worker.js').replace(
      /app\.asar([\\/])/u,
      'app.asar.unpacked$1',
    ),
    userName: currentUserName(),
    ...(binding ? { nativeBinding: binding } : {}),
    credentials: osCredentials(app.getPath('userData'), log),
    backgroundSync: {},
    log,
  });
  app.on('will-quit', () => {
    backend.close();
  });

  let window: BrowserWindow | null = null;
  const send = (command: MenuCommand): void => {
    window?.webContents.send(IPC_CHANNELS.menuCommand, command);
  };

  const refreshMenu = async (): Promise<void> => {
    const [recent, current] = await Promise.all([
      backend.dispatch('workspace.recent', {}),
      backend.dispatch('workspace.current', {}),
    ]);
    const recentList = recent.ok ? (recent.data as RecentWorkspace[]) : [];
    const open = current.ok ? (current.data as WorkspaceInfo | null) : null;
    if (open) app.addRecentDocument(open.path);
    const template = buildMenuTemplate({
      platform: process.platform,
      recent: recentList,
      hasWorkspace: open !== null,
      isDev: !app.isPackaged,
      send,
      clearRecent: () => {
        void Promise.all(
          recentList.map((entry) =>
            backend.dispatch('workspace.forgetRecent', { path: entry.path }),
          ),
        ).then(() => {
          app.clearRecentDocuments();
          return refreshMenu();
        });
      },
      showAbout: () => {
        app.setAboutPanelOptions({
          applicationName: 'KPI Scorecard',
          applicationVersion: app.getVersion(),
        });
        app.showAboutPanel();
      },
      openExternal: (url) => {
        if (isSafeExternalUrl(url)) void shell.openExternal(url);
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  setupIpc({
    backend: withPdfPrinter(
      backend,
      reportPdfPrinter({
        appUrl,
        preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
        defaultFolder: app.getPath('documents'),
        getWindow: () => window,
      }),
    ),
    appUrl,
    getWindow: () => window,
    workspacesDir,
    grants,
    onWorkspaceChanged: () => {
      refreshMenu().catch((error: unknown) => {
        log('The menu could not be refreshed.', error);
      });
    },
  });

  forwardServerEvents(backend, () => window, appUrl);

  const initialPath = takeInitialPath();
  if (initialPath) grants.grant(initialPath, 'open-workspace');
  const startup = await openInitialWorkspace(
    backend,
    initialPath ? { kind: 'file', path: initialPath } : { kind: 'most-recent' },
  );
  await refreshMenu();

  const createWindow = async (): Promise<BrowserWindow> => {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const saved = await loadWindowState(stateFile);
    const primary = screen.getPrimaryDisplay();
    const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
      (display) => display.workArea,
    );
    const created = new BrowserWindow(
      mainWindowOptions({
        devTools: !app.isPackaged,
        preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
        ...(saved ? { bounds: clampToDisplays(saved.bounds, displays) } : {}),
        iconPath: join(resourcesDir, 'icons', 'icon.png'),
      }),
    );
    if (saved?.maximized) created.maximize();
    created.once('ready-to-show', () => {
      created.show();
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    trackWindowState(created, stateFile, log);
    window = created;
    if (devServerUrl) await created.loadURL(devServerUrl);
    else await created.loadURL(APP_URL);
    return created;
  };

  const focusWindow = (): void => {
    if (!window) {
      void createWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const first = await createWindow();
  // Files handed over while the window was being made are delivered now.
  connect({
    openPath: (path) => {
      grants.grant(path, 'open-workspace');
      send({ type: 'open-path', path });
    },
    focusWindow,
  });
  setupReminders({
    Notification,
    powerMonitor,
    dispatch: (method, params) => backend.dispatch(method, params),
    open: (command) => {
      focusWindow();
      send(command);
    },
    log,
  });
  if (!startup.ok) {
    await dialog.showMessageBox(first, {
      type: 'warning',
      message: 'The workspace could not be opened',
      detail: startup.message,
    });
  }

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

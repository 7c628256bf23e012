import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/errors';
import type { ServerEvent, ServerEventListener } from '@shared/api/events';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  showSaveDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve({ canceled: false, filePath: '/docs/KPI Scorecard/Acme' }),
  ),
  showOpenDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve({ canceled: false, filePaths: ['/docs/a.kpis'] }),
  ),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      electron.handlers.set(channel, handler);
    },
  },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
}));

const { forwardServerEvents, setupIpc } = await import('../../../electron/main/ipc');
const { FileGrants } = await import('../../../electron/main/file-grants');
const grants = new FileGrants();

const APP_URL = 'file:///opt/kpis/resources/app.asar/out/renderer/index.html';
const dispatched: { method: string; params: unknown }[] = [];
const changed: string[] = [];

function eventFrom(url: string | null): unknown {
  return { senderFrame: url === null ? null : { url } };
}

function handler(channel: string): Handler {
  const found = electron.handlers.get(channel);
  if (!found) throw new Error(`no handler for ${channel}`);
  return found;
}

beforeAll(() => {
  setupIpc({
    backend: {
      dispatch: (method, params) => {
        dispatched.push({ method, params });
        return Promise.resolve({ ok: true, data: { method } });
      },
    },
    appUrl: APP_URL,
    getWindow: () => null,
    workspacesDir: '/docs/KPI Scorecard',
    grants,
    onWorkspaceChanged: (method) => changed.push(method),
  });
});

describe('IPC handlers', () => {
  it('registers every channel the preload uses', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(
      [
        IPC_CHANNELS.invoke,
        IPC_CHANNELS.dialogOpen,
        IPC_CHANNELS.dialogNew,
        IPC_CHANNELS.dialogSaveCopy,
        IPC_CHANNELS.dialogImportFile,
        IPC_CHANNELS.dialogSaveExport,
      ].sort(),
    );
  });

  it('dispatches a call from the app page and reports workspace changes', async () => {
    const result = await handler(IPC_CHANNELS.invoke)(
      eventFrom(`${APP_URL}#/kpi`),
      'workspace.open',
      { path: '/a.kpis' },
    );
    expect(result).toEqual({ ok: true, data: { method: 'workspace.open' } });
    expect(dispatched.at(-1)).toEqual({ method: 'workspace.open', params: { path: '/a.kpis' } });
    expect(changed).toEqual(['workspace.open']);
  });

  it('refuses calls from any other page and never reaches the backend', async () => {
    const before = dispatched.length;
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', null]) {
      const result = (await handler(IPC_CHANNELS.invoke)(
        eventFrom(url),
        'workspace.open',
        {},
      )) as ApiResult<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await handler(IPC_CHANNELS.dialogOpen)(eventFrom(url))).toBeNull();
    }
    expect(dispatched.length).toBe(before);
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses a method name that is not text', async () => {
    const result = await handler(IPC_CHANNELS.invoke)(eventFrom(APP_URL), { evil: true }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('shows a .kpis save dialog in the workspaces folder and adds the extension', async () => {
    const path = await handler(IPC_CHANNELS.dialogNew)(eventFrom(APP_URL), 'Acme: 2026');
    expect(path).toBe('/docs/KPI Scorecard/Acme.kpis');
    const options = electron.showSaveDialog.mock.calls[0]?.[0] as {
      defaultPath: string;
      filters: unknown;
    };
    expect(options.defaultPath).toBe('/docs/KPI Scorecard/Acme 2026.kpis');
    expect(options.filters).toEqual([{ name: 'KPI Scorecard workspace', extensions: ['kpis'] }]);
    // The chosen path is now the page's to create, and only that.
    expect(grants.refusal('/docs/KPI Scorecard/Acme.kpis', 'new-workspace', [])).toBeNull();
    expect(grants.refusal('/docs/KPI Scorecard/Acme.kpis', 'export', [])).not.toBeNull();
  });

  it('returns the chosen file from the open dialog, or null when cancelled', async () => {
    expect(grants.refusal('/docs/a.kpis', 'open-workspace', [])).not.toBeNull();
    expect(await handler(IPC_CHANNELS.dialogOpen)(eventFrom(APP_URL))).toBe('/docs/a.kpis');
    expect(grants.refusal('/docs/a.kpis', 'open-workspace', [])).toBeNull();
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handler(IPC_CHANNELS.dialogOpen)(eventFrom(APP_URL))).toBeNull();
  });
});

describe('server events to the window', () => {
  function fakeWindow(url: string, destroyed = false) {
    const sent: unknown[][] = [];
    const window = {
      isDestroyed: () => destroyed,
      webContents: {
        isDestroyed: () => destroyed,
        getURL: () => url,
        send: (...args: unknown[]) => sent.push(args),
      },
    };
    type AppWindow = ReturnType<Parameters<typeof forwardServerEvents>[1]>;
    return { window: window as unknown as AppWindow, sent };
  }

  const changed: ServerEvent = {
    name: 'changed',
    payload: { entities: ['value'], scorecardIds: null },
  };

  it('sends each backend event on the one event channel to the app page, and stops when asked', () => {
    const listeners = new Set<ServerEventListener>();
    const source = {
      subscribe: (listener: ServerEventListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    let current = fakeWindow(`${APP_URL}#/`);
    const stop = forwardServerEvents(source, () => current.window, APP_URL);
    for (const listener of listeners) listener(changed);
    expect(current.sent).toEqual([[IPC_CHANNELS.event, changed]]);

    // Not to a page from elsewhere, a destroyed window, or no window.
    const foreign = fakeWindow('https://evil.example/');
    current = foreign;
    for (const listener of listeners) listener(changed);
    expect(foreign.sent).toEqual([]);
    current = fakeWindow(APP_URL, true);
    for (const listener of listeners) listener(changed);
    expect(current.sent).toEqual([]);

    stop();
    expect(listeners.size).toBe(0);
  });
});

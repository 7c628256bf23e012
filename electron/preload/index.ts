import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type KpisBridge, type MenuCommand } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/errors';
import { parseServerEvent } from '@shared/api/event-stream';
import type { ServerEventListener } from '@shared/api/events';
import { parseMenuCommand } from './menu-command';

// The one object the renderer sees as `window.kpis` (STYLE.md pattern 2): fixed channels only,
// nothing of ipcRenderer itself, and menu commands checked before they reach the page.

// A file handed to the app at start-up is sent as soon as the page loads, possibly before React
// has subscribed; commands wait here until the first listener arrives instead of being lost.
const listeners = new Set<(command: MenuCommand) => void>();
const pending: MenuCommand[] = [];
ipcRenderer.on(IPC_CHANNELS.menuCommand, (_event: IpcRendererEvent, payload: unknown) => {
  const command = parseMenuCommand(payload);
  if (!command) return;
  if (listeners.size === 0) pending.push(command);
  for (const listener of listeners) listener(command);
});

// Server events are news about now: one that arrives before the page listens is not kept (the
// page reads everything when it starts).
const eventListeners = new Set<ServerEventListener>();
ipcRenderer.on(IPC_CHANNELS.event, (_event: IpcRendererEvent, payload: unknown) => {
  if (typeof payload !== 'object' || payload === null) return;
  const { name, payload: body } = payload as { name?: unknown; payload?: unknown };
  const event = parseServerEvent(name, body);
  if (!event) return;
  for (const listener of eventListeners) listener(event);
});

const bridge = {
  invoke: (method: string, params: unknown) =>
    ipcRenderer.invoke(IPC_CHANNELS.invoke, method, params) as Promise<ApiResult<unknown>>,
  dialogs: {
    openWorkspace: () => ipcRenderer.invoke(IPC_CHANNELS.dialogOpen) as Promise<string | null>,
    newWorkspace: (suggestedName: string) =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogNew, suggestedName) as Promise<string | null>,
    saveCopy: (suggestedName: string) =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogSaveCopy, suggestedName) as Promise<string | null>,
    importFile: (kind: 'values' | 'package') =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogImportFile, kind) as Promise<string | null>,
    saveExport: (suggestedName: string, extension: 'csv' | 'xlsx' | 'json') =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogSaveExport, suggestedName, extension) as Promise<
        string | null
      >,
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    listeners.add(listener);
    for (const command of pending.splice(0)) listener(command);
    return () => {
      listeners.delete(listener);
    };
  },
  onEvent: (listener: ServerEventListener) => {
    eventListeners.add(listener);
    return () => {
      eventListeners.delete(listener);
    };
  },
} satisfies KpisBridge;

contextBridge.exposeInMainWorld('kpis', bridge);

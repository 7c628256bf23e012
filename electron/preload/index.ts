import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type KpisBridge, type MenuCommand } from '@shared/api/bridge';
import type { ApiResult } from '@shared/api/errors';
import { parseMenuCommand } from './menu-command';

// The one object the renderer sees as `window.kpis` (STYLE.md pattern 2): fixed channels only,
// nothing of ipcRenderer itself, and menu commands checked before they reach the page.

const bridge = {
  invoke: (method: string, params: unknown) =>
    ipcRenderer.invoke(IPC_CHANNELS.invoke, method, params) as Promise<ApiResult<unknown>>,
  dialogs: {
    openWorkspace: () => ipcRenderer.invoke(IPC_CHANNELS.dialogOpen) as Promise<string | null>,
    newWorkspace: (suggestedName: string) =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogNew, suggestedName) as Promise<string | null>,
    saveCopy: (suggestedName: string) =>
      ipcRenderer.invoke(IPC_CHANNELS.dialogSaveCopy, suggestedName) as Promise<string | null>,
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
      const command = parseMenuCommand(payload);
      if (command) listener(command);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, wrapped);
    };
  },
} satisfies KpisBridge;

contextBridge.exposeInMainWorld('kpis', bridge);

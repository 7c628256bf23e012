import type { ApiResult } from './errors';
import type { ServerEventListener } from './events';

// The one object the Electron preload exposes as `window.kpis` (STYLE.md pattern 2). Browser
// mode has no bridge; the renderer then speaks HTTP and shows its own file pickers.

/** What the application menu (or the OS, for a double-clicked file) asks the renderer to do. */
export type MenuCommand =
  | { type: 'new-workspace' }
  | { type: 'open-workspace' }
  | { type: 'open-path'; path: string }
  /** A reminder or alert was clicked: open its workspace, then the KPI's detail. */
  | { type: 'open-kpi'; path: string; kpiId: string }
  | { type: 'open-sample' }
  | { type: 'save-copy' }
  | { type: 'close-workspace' };

export const MENU_COMMAND_TYPES = [
  'new-workspace',
  'open-workspace',
  'open-path',
  'open-kpi',
  'open-sample',
  'save-copy',
  'close-workspace',
] as const satisfies readonly MenuCommand['type'][];

export interface KpisBridge {
  invoke(method: string, params: unknown): Promise<ApiResult<unknown>>;
  /** Native dialogs; each resolves to the chosen path, or null when the user cancelled. */
  dialogs: {
    openWorkspace(): Promise<string | null>;
    newWorkspace(suggestedName: string): Promise<string | null>;
    saveCopy(suggestedName: string): Promise<string | null>;
    /** A file to import: a spreadsheet of values, or a JSON package. */
    importFile(kind: 'values' | 'package'): Promise<string | null>;
    /** Where to write an export; `extension` without the dot. */
    saveExport(suggestedName: string, extension: 'csv' | 'xlsx' | 'json'): Promise<string | null>;
  };
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to what the backend pushes (`./events.ts`); returns the unsubscribe function. */
  onEvent(listener: ServerEventListener): () => void;
}

/** IPC channel names, shared by main and preload so they cannot drift apart. */
export const IPC_CHANNELS = {
  invoke: 'kpis:invoke',
  dialogOpen: 'kpis:dialog-open',
  dialogNew: 'kpis:dialog-new',
  dialogSaveCopy: 'kpis:dialog-save-copy',
  dialogImportFile: 'kpis:dialog-import-file',
  dialogSaveExport: 'kpis:dialog-save-export',
  menuCommand: 'kpis:menu-command',
  /** Main → page: the backend's server events. */
  event: 'kpis:event',
} as const;

import { MENU_COMMAND_TYPES, type MenuCommand } from '@shared/api/bridge';

// Menu commands arrive from the main process over IPC; only well-formed ones reach the page.

/** The command, or null when the payload is not one the main process can send. */
export function parseMenuCommand(payload: unknown): MenuCommand | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, path, kpiId } = payload as { type?: unknown; path?: unknown; kpiId?: unknown };
  if (typeof type !== 'string' || !(MENU_COMMAND_TYPES as readonly string[]).includes(type)) {
    return null;
  }
  if (type === 'open-path') {
    return typeof path === 'string' && path !== '' ? { type, path } : null;
  }
  if (type === 'open-kpi') {
    return typeof path === 'string' && path !== '' && typeof kpiId === 'string' && kpiId !== ''
      ? { type, path, kpiId }
      : null;
  }
  return { type } as MenuCommand;
}

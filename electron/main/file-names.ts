import { basename, extname, join, resolve } from 'node:path';

// File names for the save dialogs: a workspace name becomes a safe file name on every platform,
// and a chosen path always ends in .kpis (GTK dialogs do not add the extension themselves).

export const WORKSPACE_EXTENSION = 'kpis';
export const WORKSPACE_FILTER = {
  name: 'KPI Scorecard workspace',
  extensions: [WORKSPACE_EXTENSION],
};

const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileStem(name: string): string {
  const stem = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  if (stem === '' || RESERVED_WINDOWS_NAMES.test(stem)) return 'Workspace';
  return stem;
}

export function suggestedWorkspacePath(folder: string, name: string): string {
  return join(folder, `${safeFileStem(name)}.${WORKSPACE_EXTENSION}`);
}

export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === `.${WORKSPACE_EXTENSION}`
    ? path
    : `${path}.${WORKSPACE_EXTENSION}`;
}

/** The first `*.kpis` argument of a command line (a double-clicked file), made absolute. */
export function workspacePathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (extname(arg).toLowerCase() !== `.${WORKSPACE_EXTENSION}`) continue;
    if (basename(arg, extname(arg)) === '') continue;
    return resolve(cwd, arg);
  }
  return null;
}

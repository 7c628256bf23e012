import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

// Which files the page may name. The page is the least trusted part of the app (a script
// injected into it reaches the same API), so the backend reads and writes only files the user
// chose: on the desktop, paths picked in native dialogs (held by the main process) and the
// recent list; in browser mode, this instance's uploads and the workspaces folder, with
// exports only as downloads. The host injects the policy (BackendOptions.fileAccess).

/** What a named file is for. */
export type FilePurpose =
  /** Read: a spreadsheet or package to import. */
  | 'import'
  /** Open (and write) an existing workspace. */
  | 'open-workspace'
  /** Create a file that becomes a workspace: new, a saved copy, a package imported into a new one. */
  | 'new-workspace'
  /** Write an export. */
  | 'export';

export interface FileAccess {
  /**
   * Null when the page may use `path` for `purpose`; otherwise why not, as a sentence that
   * follows the path. `recent` are the paths of the recent list (opened by the user before).
   */
  refusal(path: string, purpose: FilePurpose, recent: readonly string[]): string | null;
}

/** For tests and tools that drive the backend directly, where every path is the caller's own. */
export const unrestrictedFileAccess: FileAccess = { refusal: () => null };

/** The real path of `path`, or of its nearest existing parent plus the rest (a new file). */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return resolve(realPath(parent), relative(parent, absolute));
  }
}

/** Whether `path` is inside `folder` once links and `..` are resolved. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(realPath(folder), realPath(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const samePath = (a: string, b: string): boolean => realPath(a) === realPath(b);

export interface BrowserFileAccessOptions {
  /** This instance's upload folder: the only place import files are read from. */
  uploadDir: string;
  /** Where browser-mode workspaces live. */
  workspacesDir: string;
  /** Workspaces named on the command line by the person who started the host. */
  granted?: readonly string[];
}

export function browserFileAccess(options: BrowserFileAccessOptions): FileAccess {
  const granted = options.granted ?? [];
  return {
    refusal(path, purpose, recent) {
      switch (purpose) {
        case 'import':
          return isInside(options.uploadDir, path) || isInside(options.workspacesDir, path)
            ? null
            : 'is not a file uploaded for import; in browser mode the app reads only files you upload.';
        case 'open-workspace':
          return isInside(options.workspacesDir, path) ||
            [...granted, ...recent].some((known) => samePath(known, path))
            ? null
            : "is not in the app's workspaces folder or the recent list.";
        case 'new-workspace':
          return isInside(options.workspacesDir, path)
            ? null
            : "is outside the app's workspaces folder, where browser mode keeps its workspaces.";
        case 'export':
          return 'cannot be written: in browser mode an export is a download, saved by the browser.';
      }
    },
  };
}

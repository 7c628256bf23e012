import { app } from 'electron';
import { workspacePathFromArgv } from './file-names';

// One running app. A second launch (a double-clicked .kpis file) hands its file to the first one
// and quits; macOS delivers files through `open-file` instead of argv.

export interface SingleInstanceSetup {
  /** A workspace file to open, from a second launch or the OS. */
  openPath(path: string): void;
  /** Brings the window back (restored, focused). */
  focusWindow(): void;
}

/**
 * `primary: false` when another instance already runs (this one must quit at once). A path that
 * arrives before `connect` (no window yet) waits: the first one is taken by `takeInitialPath` at
 * start-up, a later one is delivered on `connect`.
 */
export function setupSingleInstance():
  | { primary: false }
  | {
      primary: true;
      /** The file this launch was asked to open, if any (taken once). */
      takeInitialPath: () => string | null;
      connect: (setup: SingleInstanceSetup) => void;
    } {
  if (!app.requestSingleInstanceLock()) return { primary: false };

  let target: SingleInstanceSetup | null = null;
  let pending = workspacePathFromArgv(process.argv.slice(1), process.cwd());

  const deliver = (path: string): void => {
    if (target) {
      target.focusWindow();
      target.openPath(path);
    } else {
      pending = path;
    }
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = workspacePathFromArgv(argv.slice(1), workingDirectory);
    if (path) deliver(path);
    else target?.focusWindow();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    deliver(path);
  });

  return {
    primary: true,
    takeInitialPath: () => {
      const path = pending;
      pending = null;
      return path;
    },
    connect: (setup) => {
      target = setup;
      if (pending !== null) {
        const path = pending;
        pending = null;
        deliver(path);
      }
    },
  };
}

import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

// The main window's options in one place (ARCHITECTURE.md "Electron security settings"), as a
// pure function so the security settings are unit-tested exactly as production uses them.

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 820;

export interface MainWindowInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Remembered bounds, already clamped to a visible display; absent for the first launch. */
  bounds?: Partial<Rectangle>;
  /** The window icon on Linux (Windows and macOS take it from the executable). */
  iconPath?: string;
  /** DevTools only for a developer's unpackaged run (`!app.isPackaged`); off unless said. */
  devTools?: boolean;
}

export function mainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  const { bounds } = input;
  return {
    title: 'KPI Scorecard',
    width: Math.max(bounds?.width ?? DEFAULT_WIDTH, MIN_WIDTH),
    height: Math.max(bounds?.height ?? DEFAULT_HEIGHT, MIN_HEIGHT),
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1f2430',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: input.devTools === true,
    },
  };
}

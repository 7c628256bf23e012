import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { MIN_HEIGHT, MIN_WIDTH } from './window-options';

// The window comes back where the user left it: size, place and maximised, remembered in
// <userData>/window-state.json and pulled back onto a screen that still exists.

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** How much of the window must lie on a display for it to count as reachable (title bar). */
const MIN_VISIBLE = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * `bounds` moved and shrunk to fit the display it mostly lies on; centred on the first (primary)
 * display when it is not visibly on any. `displays` are work areas (screen minus taskbars).
 */
export function clampToDisplays(bounds: Rectangle, displays: readonly Rectangle[]): Rectangle {
  const primary = displays[0];
  if (!primary) return bounds;
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const { width, height } = overlap(bounds, display);
    if (width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height && width * height > bestArea) {
      best = display;
      bestArea = width * height;
    }
  }
  const target = best ?? primary;
  const width = Math.min(Math.max(bounds.width, MIN_WIDTH), target.width);
  const height = Math.min(Math.max(bounds.height, MIN_HEIGHT), target.height);
  if (!best) {
    return {
      x: target.x + Math.round((target.width - width) / 2),
      y: target.y + Math.round((target.height - height) / 2),
      width,
      height,
    };
  }
  return {
    x: Math.min(Math.max(bounds.x, target.x), target.x + target.width - width),
    y: Math.min(Math.max(bounds.y, target.y), target.y + target.height - height),
    width,
    height,
  };
}

/** The saved state, or null when there is none or it is not usable (never throws). */
export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { bounds?: unknown; maximized?: unknown };
  const bounds = record.bounds as Record<string, unknown> | null | undefined;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const numbers = ['x', 'y', 'width', 'height'].map((key) => bounds[key]);
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [x, y, width, height] = numbers as [number, number, number, number];
  if (width <= 0 || height <= 0) return null;
  return {
    bounds: {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    },
    maximized: record.maximized === true,
  };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2), 'utf8');
  await rename(temporary, file);
}

/** Saves the window's state shortly after it moves or resizes, and when it closes. */
export function trackWindowState(
  window: BrowserWindow,
  file: string,
  log: (message: string, error?: unknown) => void,
): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (window.isDestroyed()) return;
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    saveWindowState(file, state).catch((error: unknown) => {
      log('The window size and place could not be saved.', error);
    });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

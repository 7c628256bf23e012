import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, mainWindowOptions } from '../../../electron/main/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('stays hidden until ready-to-show, with a title and a minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('KPI Scorecard');
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
    expect(options.x).toBeUndefined();
  });

  it('uses remembered bounds but never below the minimum size', () => {
    const restored = mainWindowOptions({
      preloadPath: '/p.cjs',
      bounds: { x: 40, y: 30, width: 300, height: 1000 },
    });
    expect(restored).toMatchObject({ x: 40, y: 30, width: MIN_WIDTH, height: 1000 });
  });

  it('cannot be loosened by remembered bounds', () => {
    const restored = mainWindowOptions({
      preloadPath: '/p.cjs',
      bounds: { x: 0, y: 0, width: 1000, height: 800 },
    });
    expect(restored.webPreferences?.sandbox).toBe(true);
    expect(restored.webPreferences?.contextIsolation).toBe(true);
  });
});

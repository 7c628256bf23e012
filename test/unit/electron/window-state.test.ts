import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('keeps a window that is fully on a display', () => {
    const bounds = { x: 100, y: 50, width: 1200, height: 700 };
    expect(clampToDisplays(bounds, [laptop, monitorRight])).toEqual(bounds);
  });

  it('keeps a window on a second monitor that is still connected', () => {
    const bounds = { x: 2000, y: 200, width: 1400, height: 900 };
    expect(clampToDisplays(bounds, [laptop, monitorRight])).toEqual(bounds);
  });

  it('centres a window on the primary display when its monitor was unplugged', () => {
    const bounds = { x: 2000, y: 200, width: 1400, height: 900 };
    expect(clampToDisplays(bounds, [laptop])).toEqual({ x: 20, y: 0, width: 1400, height: 860 });
  });

  it('pulls a window hanging off the edge back fully onto the display', () => {
    const bounds = { x: 1300, y: -40, width: 1000, height: 700 };
    expect(clampToDisplays(bounds, [laptop])).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display, but not below the minimum size', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual(laptop);
    expect(clampToDisplays({ x: 10, y: 10, width: 200, height: 100 }, [laptop])).toEqual({
      x: 10,
      y: 10,
      width: 900,
      height: 600,
    });
  });

  it('does not count a sliver of a few pixels as visible', () => {
    const bounds = { x: 1430, y: 100, width: 1000, height: 700 };
    expect(clampToDisplays(bounds, [laptop])).toEqual({ x: 220, y: 80, width: 1000, height: 700 });
  });
});

describe('window-state.json', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through an atomic write, leaving no temporary file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpis-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('ignores a missing, corrupt or nonsensical file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpis-window-'));
    expect(await loadWindowState(join(dir, 'missing.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"bounds": ');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeNull();
    expect(parseWindowState('null')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":-5,"height":10}}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"0","y":0,"width":5,"height":10}}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":0.4,"y":0,"width":900,"height":600}}')).toEqual({
      bounds: { x: 0, y: 0, width: 900, height: 600 },
      maximized: false,
    });
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../../electron/server/args';
import { defaultDataDir } from '../../../electron/server/data-dir';
import { openerCommand, reasonNotToOpen } from '../../../electron/server/open-browser';

describe('browser-mode flags', () => {
  it('defaults to the usual port, opening a browser, nothing chosen', () => {
    expect(parseServerArgs([], {})).toEqual({
      ok: true,
      args: {
        port: null,
        dataDir: null,
        workspace: null,
        sample: false,
        open: true,
        readyJson: false,
        help: false,
      },
    });
  });

  it('reads every flag', () => {
    const result = parseServerArgs(
      [
        '--port',
        '8123',
        '--data-dir',
        '/tmp/d',
        '--workspace',
        'a.kpis',
        '--no-open',
        '--ready-json',
      ],
      {},
    );
    expect(result).toEqual({
      ok: true,
      args: {
        port: 8123,
        dataDir: '/tmp/d',
        workspace: 'a.kpis',
        sample: false,
        open: false,
        readyJson: true,
        help: false,
      },
    });
    expect(parseServerArgs(['--sample', '--port=0'], {})).toMatchObject({
      ok: true,
      args: { sample: true, port: 0 },
    });
  });

  it('takes the port from KPIS_PORT unless --port is given', () => {
    expect(parseServerArgs([], { KPIS_PORT: '9000' })).toMatchObject({ args: { port: 9000 } });
    expect(parseServerArgs(['--port', '9001'], { KPIS_PORT: '9000' })).toMatchObject({
      args: { port: 9001 },
    });
  });

  it('refuses a bad port, naming where it came from', () => {
    expect(parseServerArgs(['--port', 'abc'], {})).toEqual({
      ok: false,
      message: '--port must be a whole number from 0 to 65535 (0 = any free port); got "abc".',
    });
    expect(parseServerArgs(['--port', '70000'], {})).toMatchObject({ ok: false });
    expect(parseServerArgs(['--port', '-1'], {})).toMatchObject({ ok: false });
    expect(parseServerArgs([], { KPIS_PORT: '1.5' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('KPIS_PORT') as string,
    });
  });

  it('refuses unknown flags, stray words, and --workspace with --sample', () => {
    expect(parseServerArgs(['--bogus'], {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('--bogus') as string,
    });
    expect(parseServerArgs(['file.kpis'], {})).toMatchObject({ ok: false });
    expect(parseServerArgs(['--workspace', 'a.kpis', '--sample'], {})).toEqual({
      ok: false,
      message: 'Use either --workspace or --sample, not both.',
    });
    expect(parseServerArgs(['--data-dir', ' '], {})).toEqual({
      ok: false,
      message: '--data-dir needs a path.',
    });
  });
});

describe('default data folder', () => {
  it('follows each platform', () => {
    expect(defaultDataDir({ platform: 'linux', homeDir: '/home/ana', env: {} })).toBe(
      '/home/ana/.local/share/kpi-scorecard',
    );
    expect(
      defaultDataDir({ platform: 'linux', homeDir: '/home/ana', env: { XDG_DATA_HOME: '/x' } }),
    ).toBe('/x/kpi-scorecard');
    expect(defaultDataDir({ platform: 'darwin', homeDir: '/Users/ana', env: {} })).toBe(
      '/Users/ana/Library/Application Support/KPI Scorecard',
    );
    expect(
      defaultDataDir({ platform: 'win32', homeDir: 'C:/Users/ana', env: { APPDATA: 'C:/R' } }),
    ).toBe(join('C:/R', 'KPI Scorecard'));
  });

  it('prefers KPIS_DATA_DIR', () => {
    expect(defaultDataDir({ platform: 'linux', homeDir: '/h', env: { KPIS_DATA_DIR: '/d' } })).toBe(
      '/d',
    );
  });
});

describe('opening a browser', () => {
  it('uses the platform opener', () => {
    expect(openerCommand('linux', 'http://127.0.0.1:1/#token=t')).toEqual([
      'xdg-open',
      ['http://127.0.0.1:1/#token=t'],
    ]);
    expect(openerCommand('darwin', 'u')).toEqual(['open', ['u']]);
    expect(openerCommand('win32', 'u')).toEqual(['cmd', ['/c', 'start', '""', 'u']]);
  });

  it('does not try under CI or on Linux without a display', () => {
    expect(reasonNotToOpen({ platform: 'linux', env: { DISPLAY: ':0' } })).toBeNull();
    expect(reasonNotToOpen({ platform: 'linux', env: { WAYLAND_DISPLAY: 'w' } })).toBeNull();
    expect(reasonNotToOpen({ platform: 'linux', env: {} })).toBe('no graphical display');
    expect(reasonNotToOpen({ platform: 'win32', env: { CI: 'true' } })).toBe('running under CI');
    expect(reasonNotToOpen({ platform: 'darwin', env: {} })).toBeNull();
  });
});

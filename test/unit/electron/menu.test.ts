import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '@shared/api/bridge';
import type { RecentWorkspace } from '@shared/domain/entities';
import { HELP_URL, buildMenuTemplate, type MenuInput } from '../../../electron/main/menu';

const recent: RecentWorkspace[] = [
  { path: '/home/ana/Acme.kpis', name: 'Acme', openedAt: '2026-03-01T10:00:00Z', exists: true },
  { path: '/gone/Old.kpis', name: 'Old', openedAt: '2026-01-01T10:00:00Z', exists: false },
  { path: '/home/ana/Beta.kpis', name: 'Beta', openedAt: '2026-02-01T10:00:00Z', exists: true },
];

function build(overrides: Partial<MenuInput> = {}) {
  const sent: MenuCommand[] = [];
  const input: MenuInput = {
    platform: 'linux',
    recent,
    hasWorkspace: true,
    isDev: false,
    send: (command) => sent.push(command),
    clearRecent: vi.fn(),
    showAbout: vi.fn(),
    openExternal: vi.fn(),
    ...overrides,
  };
  return { template: buildMenuTemplate(input), sent, input };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${String(item?.label)} has no submenu`);
  return items;
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((item) => item.label === label);
  if (!found) throw new Error(`No menu item "${label}" in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help in that order on Linux and Windows', () => {
    expect(build().template.map((item) => item.label)).toEqual([
      '&File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('puts the app menu first on macOS, with About and Quit there', () => {
    const { template, input } = build({ platform: 'darwin' });
    expect(template.map((item) => item.label)).toEqual([
      'KPI Scorecard',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    const appMenu = submenu(template[0]);
    click(find(appMenu, 'About KPI Scorecard'));
    expect(input.showAbout).toHaveBeenCalledOnce();
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit' });
    expect(submenu(template[1]).some((item) => item.role === 'quit')).toBe(false);
  });

  it('gives the File items their usual shortcuts and sends the matching command', () => {
    const { template, sent } = build();
    const file = submenu(template[0]);
    const expected: [string, string | undefined, MenuCommand][] = [
      ['New Workspace…', 'CmdOrCtrl+N', { type: 'new-workspace' }],
      ['Open…', 'CmdOrCtrl+O', { type: 'open-workspace' }],
      ['Open Sample Workspace', undefined, { type: 'open-sample' }],
      ['Save a Copy…', 'CmdOrCtrl+Shift+S', { type: 'save-copy' }],
      ['Close Workspace', 'CmdOrCtrl+W', { type: 'close-workspace' }],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = find(file, label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toEqual(command);
    }
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' });
  });

  it('calls it Exit on Windows', () => {
    const file = submenu(build({ platform: 'win32' }).template[0]);
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Exit' });
  });

  it('lists recent workspaces that still exist and opens the one clicked', () => {
    const { template, sent, input } = build();
    const recentMenu = submenu(find(submenu(template[0]), 'Open Recent'));
    const labels = recentMenu.map((item) => item.label ?? item.type);
    expect(labels).toEqual([
      'Acme — /home/ana/Acme.kpis',
      'Beta — /home/ana/Beta.kpis',
      'separator',
      'Clear Recently Opened',
    ]);
    click(find(recentMenu, 'Beta — /home/ana/Beta.kpis'));
    expect(sent).toEqual([{ type: 'open-path', path: '/home/ana/Beta.kpis' }]);
    click(find(recentMenu, 'Clear Recently Opened'));
    expect(input.clearRecent).toHaveBeenCalledOnce();
  });

  it('says so when there is nothing recent', () => {
    const recentMenu = submenu(find(submenu(build({ recent: [] }).template[0]), 'Open Recent'));
    expect(recentMenu[0]).toMatchObject({ label: 'No Recent Workspaces', enabled: false });
    expect(find(recentMenu, 'Clear Recently Opened').enabled).toBe(false);
  });

  it('disables Save a Copy and Close Workspace when no workspace is open', () => {
    const file = submenu(build({ hasWorkspace: false }).template[0]);
    expect(find(file, 'Save a Copy…').enabled).toBe(false);
    expect(find(file, 'Close Workspace').enabled).toBe(false);
    expect(find(file, 'Open…').enabled).toBeUndefined();
  });

  it('has the standard edit roles', () => {
    const edit = submenu(build().template[1]).map((item) => item.role ?? item.type);
    expect(edit).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(build({ isDev }).template[2]).map((item) => item.role ?? item.type);
    expect(roles(false)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    expect(roles(true)).toEqual([
      'reload',
      'toggleDevTools',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
  });

  it('never gives two items the same shortcut', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators: string[] = [];
      const walk = (items: MenuItemConstructorOptions[]): void => {
        for (const item of items) {
          if (typeof item.accelerator === 'string') accelerators.push(item.accelerator);
          if (Array.isArray(item.submenu)) walk(item.submenu);
        }
      };
      walk(build({ platform }).template);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('opens the help page in the browser and shows About from Help', () => {
    const { template, input } = build();
    const help = submenu(template.at(-1));
    click(find(help, 'KPI Scorecard Help'));
    expect(input.openExternal).toHaveBeenCalledWith(HELP_URL);
    click(find(help, 'About KPI Scorecard'));
    expect(input.showAbout).toHaveBeenCalledOnce();
  });
});

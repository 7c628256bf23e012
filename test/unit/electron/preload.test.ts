import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type KpisBridge, type MenuCommand } from '@shared/api/bridge';
import type { ServerEvent } from '@shared/api/events';

type Handler = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, data: 'answer' })),
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, handler: Handler) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(handler);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, handler: Handler) => {
      electron.listeners.get(channel)?.delete(handler);
    },
  },
}));

await import('../../../electron/preload/index');
const { parseMenuCommand } = await import('../../../electron/preload/menu-command');
const bridge = electron.exposed.get('kpis') as KpisBridge;

function emit(payload: unknown, channel: string = IPC_CHANNELS.menuCommand): void {
  const fakeEvent = { sender: { secret: 'ipcRenderer internals' } };
  for (const handler of electron.listeners.get(channel) ?? []) {
    handler(fakeEvent, payload);
  }
}

describe('preload bridge', () => {
  beforeEach(() => {
    electron.invoke.mockClear();
  });

  it('exposes exactly one object, named kpis', () => {
    expect([...electron.exposed.keys()]).toEqual(['kpis']);
  });

  it('has exactly the KpisBridge surface and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['dialogs', 'invoke', 'onEvent', 'onMenuCommand']);
    expect(Object.keys(bridge.dialogs).sort()).toEqual([
      'importFile',
      'newWorkspace',
      'openWorkspace',
      'saveCopy',
      'saveExport',
    ]);
    const surface = bridge as unknown as Record<string, unknown>;
    const dialogs = bridge.dialogs as unknown as Record<string, unknown>;
    const values = [...Object.values(surface), ...Object.values(dialogs)];
    expect(values.every((value) => typeof value === 'function' || value === bridge.dialogs)).toBe(
      true,
    );
  });

  it('sends API calls on the invoke channel and returns the envelope', async () => {
    await expect(bridge.invoke('scorecard.list', { a: 1 })).resolves.toEqual({
      ok: true,
      data: 'answer',
    });
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CHANNELS.invoke, 'scorecard.list', { a: 1 });
  });

  it('uses a fixed channel for each dialog', async () => {
    await bridge.dialogs.openWorkspace();
    await bridge.dialogs.newWorkspace('Acme');
    await bridge.dialogs.saveCopy('Acme copy');
    await bridge.dialogs.importFile('package');
    await bridge.dialogs.saveExport('Acme values', 'xlsx');
    expect(electron.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.dialogOpen],
      [IPC_CHANNELS.dialogNew, 'Acme'],
      [IPC_CHANNELS.dialogSaveCopy, 'Acme copy'],
      [IPC_CHANNELS.dialogImportFile, 'package'],
      [IPC_CHANNELS.dialogSaveExport, 'Acme values', 'xlsx'],
    ]);
  });

  it('passes menu commands to the listener without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => {
      received.push(args);
    });
    emit({ type: 'open-sample' });
    emit({ type: 'open-path', path: '/w/Acme.kpis', extra: 'dropped' });
    expect(received).toEqual([
      [{ type: 'open-sample' }],
      [{ type: 'open-path', path: '/w/Acme.kpis' }],
    ]);
    unsubscribe();
    emit({ type: 'save-copy' });
    expect(received).toHaveLength(2);
    // Kept for the next subscriber (see the buffering test below).
    const later: MenuCommand[] = [];
    bridge.onMenuCommand((command) => later.push(command))();
    expect(later).toEqual([{ type: 'save-copy' }]);
  });

  it('keeps commands that arrive before the page subscribes, and delivers them once', () => {
    emit({ type: 'open-path', path: '/w/Handed over.kpis' });
    emit({ type: 'close-workspace' });
    const first: MenuCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => first.push(command));
    expect(first).toEqual([
      { type: 'open-path', path: '/w/Handed over.kpis' },
      { type: 'close-workspace' },
    ]);
    const second: MenuCommand[] = [];
    bridge.onMenuCommand((command) => second.push(command))();
    expect(second).toEqual([]);
    unsubscribe();
  });

  it('drops malformed menu payloads', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    for (const payload of [
      null,
      'open-sample',
      { type: 'delete-everything' },
      { type: 'open-path' },
      { type: 'open-path', path: 42 },
      { type: 'open-path', path: '' },
      { type: ['open-sample'] },
    ]) {
      emit(payload);
    }
    unsubscribe();
    expect(received).toEqual([]);
    expect(parseMenuCommand({ type: 'close-workspace' })).toEqual({ type: 'close-workspace' });
  });

  it('passes server events from their one channel to listeners, checked, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => {
      received.push(args);
    });
    const changed: ServerEvent = {
      name: 'changed',
      payload: { entities: ['value'], scorecardIds: null },
    };
    emit(changed, IPC_CHANNELS.event);
    for (const malformed of [
      null,
      'changed',
      { name: 'delete-everything', payload: {} },
      { name: 'changed', payload: { entities: 'value' } },
      { name: 'workspace' },
    ]) {
      emit(malformed, IPC_CHANNELS.event);
    }
    // A menu command is not an event, nor the other way round.
    emit({ type: 'open-sample' }, IPC_CHANNELS.event);
    emit(changed);
    expect(received).toEqual([[changed]]);
    unsubscribe();
    emit({ name: 'workspace', payload: { path: null } }, IPC_CHANNELS.event);
    expect(received).toHaveLength(1);
  });
});

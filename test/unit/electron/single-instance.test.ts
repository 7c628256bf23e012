import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  locked: true,
  listeners: new Map<string, Listener>(),
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => electron.locked,
    on: (name: string, listener: Listener) => {
      electron.listeners.set(name, listener);
    },
  },
}));

const { setupSingleInstance } = await import('../../../electron/main/single-instance');

function emit(name: string, ...args: unknown[]): void {
  electron.listeners.get(name)?.(...args);
}

describe('single instance', () => {
  beforeEach(() => {
    electron.locked = true;
    electron.listeners.clear();
  });

  it('tells a second launch to quit', () => {
    electron.locked = false;
    expect(setupSingleInstance()).toEqual({ primary: false });
  });

  it('hands a double-clicked file from a second launch to the running window', () => {
    const instance = setupSingleInstance();
    if (!instance.primary) throw new Error('expected the lock');
    const opened: string[] = [];
    const focus = vi.fn();
    instance.connect({ openPath: (path) => opened.push(path), focusWindow: focus });
    emit('second-instance', {}, ['/opt/kpis/kpi-scorecard', '--flag', 'Acme.kpis'], '/home/ana');
    expect(opened).toEqual(['/home/ana/Acme.kpis']);
    expect(focus).toHaveBeenCalledOnce();
    emit('second-instance', {}, ['/opt/kpis/kpi-scorecard'], '/home/ana');
    expect(focus).toHaveBeenCalledTimes(2);
    expect(opened).toHaveLength(1);
  });

  it('keeps a macOS open-file that arrives before the window and delivers it on connect', () => {
    const instance = setupSingleInstance();
    if (!instance.primary) throw new Error('expected the lock');
    const preventDefault = vi.fn();
    expect(instance.takeInitialPath()).toBeNull();
    emit('open-file', { preventDefault }, '/Users/ana/Beta.kpis');
    expect(preventDefault).toHaveBeenCalled();
    const opened: string[] = [];
    instance.connect({ openPath: (path) => opened.push(path), focusWindow: () => undefined });
    expect(opened).toEqual(['/Users/ana/Beta.kpis']);
  });

  it('gives the first launch its own file argument once', () => {
    const saved = process.argv;
    process.argv = ['/opt/kpis/kpi-scorecard', '/data/Client.kpis'];
    try {
      const instance = setupSingleInstance();
      if (!instance.primary) throw new Error('expected the lock');
      expect(instance.takeInitialPath()).toBe('/data/Client.kpis');
      expect(instance.takeInitialPath()).toBeNull();
    } finally {
      process.argv = saved;
    }
  });
});

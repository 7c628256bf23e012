import { create } from 'zustand';
import type { KpiValue } from '@shared/domain/entities';
import { api } from '../api/client';
import { onDataChanged } from '../api/events';

// Values shown in the data-entry grid, and the undo stack of grid changes.

export interface ValueChange {
  kpiId: string;
  period: string;
  /** What was there before the change; null when the cell was empty. */
  before: { value: number; comment: string } | null;
  /** A comment change is undone on its own, never with the value typed before it. */
  commentOnly?: boolean;
}

const key = (kpiId: string, period: string) => `${kpiId}/${period}`;

interface ValuesState {
  values: Map<string, KpiValue>;
  /** The KPIs whose values are loaded (the grid's). */
  kpiIds: string[];
  undoStack: ValueChange[][];
  load(kpiIds: string[]): Promise<void>;
  /** Reads the same KPIs' values again, keeping the undo stack (something else wrote). */
  refresh(): Promise<void>;
  get(kpiId: string, period: string): KpiValue | undefined;
  /** Writes values (all or none) and remembers what they replaced. */
  write(entries: { kpiId: string; period: string; value: number }[]): Promise<void>;
  remove(kpiId: string, period: string): Promise<void>;
  comment(kpiId: string, period: string, comment: string): Promise<void>;
  undo(): Promise<boolean>;
}

export const useValuesStore = create<ValuesState>((set, get) => {
  function remember(kpiId: string, period: string): ValueChange {
    const current = get().values.get(key(kpiId, period));
    return {
      kpiId,
      period,
      before: current ? { value: current.value, comment: current.comment } : null,
    };
  }
  function store(updated: KpiValue[], removed: { kpiId: string; period: string }[] = []) {
    const values = new Map(get().values);
    for (const value of updated) values.set(key(value.kpiId, value.period), value);
    for (const gone of removed) values.delete(key(gone.kpiId, gone.period));
    set({ values });
  }

  return {
    values: new Map(),
    kpiIds: [],
    undoStack: [],
    async load(kpiIds) {
      set({ kpiIds });
      const list = kpiIds.length === 0 ? [] : await api.call('value.list', { kpiIds });
      set({
        values: new Map(list.map((value) => [key(value.kpiId, value.period), value])),
        undoStack: [],
      });
    },
    async refresh() {
      const { kpiIds } = get();
      if (kpiIds.length === 0) return;
      const list = await api.call('value.list', { kpiIds });
      if (get().kpiIds !== kpiIds) return;
      set({ values: new Map(list.map((value) => [key(value.kpiId, value.period), value])) });
    },
    get: (kpiId, period) => get().values.get(key(kpiId, period)),
    async write(entries) {
      const change = entries.map((entry) => remember(entry.kpiId, entry.period));
      const saved = await api.call('value.setMany', { entries });
      store(saved);
      set({ undoStack: [...get().undoStack, change].slice(-100) });
    },
    async remove(kpiId, period) {
      const change = [remember(kpiId, period)];
      if (!change[0]?.before) return;
      await api.call('value.delete', { kpiId, period });
      store([], [{ kpiId, period }]);
      set({ undoStack: [...get().undoStack, change].slice(-100) });
    },
    async comment(kpiId, period, comment) {
      const change = [{ ...remember(kpiId, period), commentOnly: true }];
      const saved = await api.call('value.setComment', { kpiId, period, comment });
      store([saved]);
      set({ undoStack: [...get().undoStack, change].slice(-100) });
    },
    async undo() {
      const stack = [...get().undoStack];
      const change = stack.pop();
      if (!change) return false;
      const restore = change.flatMap((entry) =>
        entry.before
          ? [
              {
                kpiId: entry.kpiId,
                period: entry.period,
                value: entry.before.value,
                comment: entry.before.comment,
              },
            ]
          : [],
      );
      const clear = change.filter((entry) => entry.before === null);
      if (restore.length > 0) store(await api.call('value.setMany', { entries: restore }));
      for (const entry of clear)
        await api.call('value.delete', { kpiId: entry.kpiId, period: entry.period });
      store([], clear);
      set({ undoStack: stack });
      return true;
    },
  };
});

onDataChanged(['value', 'kpi'], () => useValuesStore.getState().refresh());

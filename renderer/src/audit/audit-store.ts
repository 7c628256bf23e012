import { create } from 'zustand';
import type { MethodParams } from '@shared/api/contract';
import type { RestoreResult } from '@shared/api/contract-audit';
import type { AuditEntry } from '@shared/domain/audit';
import { CHANGE_ENTITIES } from '@shared/domain/entities';
import { api, errorMessage, platform } from '../api/client';
import { desktopBridge } from '../api/transport';
import { onDataChanged } from '../api/events';
import { LOCALE } from '../app/locale';
import { saveDownload } from '../transfer/export-download';

// The audit trail: the change log read page by page with the user's filters, its CSV export,
// and a value brought back to an earlier version (and that undone). Every write is logged, so
// the trail reads again on any change; restores only write, the `changed` event does the rest.

export type AuditFilter = Pick<
  MethodParams<'audit.list'>,
  'scorecardId' | 'kpiId' | 'period' | 'entity' | 'from' | 'to'
>;

const PAGE = 100;

interface AuditState {
  filter: AuditFilter;
  entries: AuditEntry[] | null;
  total: number;
  loading: boolean;
  error: string | null;
  /** Sets the filter (the fields given; undefined clears one) and reads the first page. */
  setFilter(patch: Partial<AuditFilter>): Promise<void>;
  load(): Promise<void>;
  /** The next page, after those shown. */
  more(): Promise<void>;
  /** Writes the filtered trail as CSV: a download in browser mode, a save dialog on the desktop. */
  exportCsv(): Promise<string | null>;
  /** Brings the value back to the version `entry` left it in (or, for a delete, found it in). */
  restore(entry: AuditEntry): Promise<RestoreResult>;
  /** Undoes a restore: the version its change found the value in. */
  undo(changeId: string): Promise<void>;
  /** A KPI's value history, newest first, for the KPI detail. */
  readHistory(kpiId: string): Promise<AuditEntry[]>;
}

/** The filter without the fields cleared (undefined), as the API takes it. */
function clean(filter: AuditFilter): AuditFilter {
  return JSON.parse(JSON.stringify(filter)) as AuditFilter;
}

export const useAuditStore = create<AuditState>((set, get) => ({
  filter: {},
  entries: null,
  total: 0,
  loading: false,
  error: null,
  async setFilter(patch) {
    set({ filter: clean({ ...get().filter, ...patch }) });
    await get().load();
  },
  async load() {
    set({ loading: true });
    try {
      const page = await api.call('audit.list', { ...get().filter, limit: PAGE });
      set({ entries: page.entries, total: page.total, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ loading: false });
    }
  },
  async more() {
    const shown = get().entries ?? [];
    set({ loading: true });
    try {
      const page = await api.call('audit.list', {
        ...get().filter,
        limit: PAGE,
        offset: shown.length,
      });
      set({ entries: [...shown, ...page.entries], total: page.total, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ loading: false });
    }
  },
  async exportCsv() {
    const bridge = desktopBridge();
    let destination: MethodParams<'audit.export'>['destination'] = { kind: 'download' };
    if (bridge) {
      const path = await bridge.dialogs.saveExport('Audit trail', 'csv');
      if (path === null) return null;
      destination = { kind: 'file', path };
    } else if (platform !== 'browser') return null;
    const result = await api.call('audit.export', {
      ...get().filter,
      locale: LOCALE,
      destination,
    });
    await saveDownload(result);
    return result.fileName;
  },
  restore: (entry) =>
    api.call('value.restore', {
      changeId: entry.id,
      version: entry.operation === 'delete' ? 'before' : 'after',
    }),
  async undo(changeId) {
    await api.call('value.restore', { changeId, version: 'before' });
  },
  async readHistory(kpiId) {
    return (await api.call('audit.list', { kpiId, entity: 'value', limit: 50 })).entries;
  },
}));

onDataChanged(CHANGE_ENTITIES, () =>
  useAuditStore.getState().entries === null ? undefined : useAuditStore.getState().load(),
);

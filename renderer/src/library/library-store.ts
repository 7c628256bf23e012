import { create } from 'zustand';
import type { InputChoice, LibraryCatalogue, TemplateSummary } from '@shared/api/contract-library';
import type { ExportDestination, ExportResult } from '@shared/api/contract-export';
import type { Kpi, Scorecard } from '@shared/domain/entities';
import { api } from '../api/client';

// The KPI library and the templates, read once per session (the shipped files do not change
// while the app runs; the own templates are read again after each change made here). Adding
// to the workspace goes through the backend, whose 'changed' event refreshes the views.

interface LibraryState {
  catalogue: LibraryCatalogue | null;
  templates: TemplateSummary[] | null;
  loadCatalogue(): Promise<LibraryCatalogue>;
  loadTemplates(): Promise<TemplateSummary[]>;
  addFromLibrary(
    objectiveId: string,
    code: string,
    inputs: Record<string, InputChoice>,
  ): Promise<Kpi[]>;
  addKpiTemplate(templateId: string, objectiveId: string): Promise<Kpi[]>;
  addScorecard(
    templateId: string,
    parentId: string | null,
    name: string,
  ): Promise<{ scorecard: Scorecard; renamed: { from: string; to: string }[] }>;
  saveScorecard(input: SaveInput & { scorecardId: string }): Promise<TemplateSummary>;
  saveKpi(input: SaveInput & { kpiId: string }): Promise<TemplateSummary>;
  exportTemplate(templateId: string, destination: ExportDestination): Promise<ExportResult>;
  importTemplate(path: string): Promise<TemplateSummary>;
  deleteTemplate(templateId: string): Promise<void>;
  /** Every KPI of the open workspace: what a missing formula input can be bound to. */
  workspaceKpis(): Promise<Kpi[]>;
}

export interface SaveInput {
  name: string;
  description: string;
  includePeople: boolean;
  includeValues: boolean;
}

export const useLibraryStore = create<LibraryState>((set, get) => {
  async function reloadTemplates(): Promise<TemplateSummary[]> {
    const templates = await api.call('template.list', {});
    set({ templates });
    return templates;
  }
  return {
    catalogue: null,
    templates: null,
    async loadCatalogue() {
      const loaded = get().catalogue;
      if (loaded) return loaded;
      const catalogue = await api.call('library.list', {});
      set({ catalogue });
      return catalogue;
    },
    loadTemplates: reloadTemplates,
    addFromLibrary: async (objectiveId, code, inputs) =>
      (await api.call('library.add', { objectiveId, code, inputs })).added,
    addKpiTemplate: async (templateId, objectiveId) =>
      (await api.call('template.addKpi', { templateId, objectiveId })).added,
    addScorecard: (templateId, parentId, name) =>
      api.call('template.addScorecard', { templateId, parentId, name }),
    async saveScorecard(input) {
      const saved = await api.call('template.saveScorecard', input);
      await reloadTemplates();
      return saved;
    },
    async saveKpi(input) {
      const saved = await api.call('template.saveKpi', input);
      await reloadTemplates();
      return saved;
    },
    exportTemplate: (templateId, destination) =>
      api.call('template.export', { templateId, destination }),
    async importTemplate(path) {
      const imported = await api.call('template.import', { path });
      await reloadTemplates();
      return imported;
    },
    workspaceKpis: () => api.call('kpi.list', {}),
    async deleteTemplate(templateId) {
      await api.call('template.delete', { templateId });
      await reloadTemplates();
    },
  };
});

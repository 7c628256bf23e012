import { catalogue } from '../library/catalogue';
import { addFromLibrary } from '../services/library';
import {
  addKpiFromTemplate,
  addScorecardFromTemplate,
  createWorkspaceFromTemplate,
  exportTemplate,
  importTemplate,
  libraryOf,
  newKpiCurrency,
  removeTemplate,
  templateList,
} from '../services/templates';
import { saveKpiTemplate, saveScorecardTemplate } from '../services/template-save';
import type { HandlerGroup } from './types';

// The KPI library and templates (shipped and a consultant's own).

export const libraryHandlers = {
  'library.list': (_input, ctx) => catalogue(libraryOf(ctx)),
  'library.add': (input, ctx) =>
    addFromLibrary(ctx.workspace(), libraryOf(ctx), newKpiCurrency(ctx), input),
  'template.list': (_input, ctx) => templateList(ctx),
  'template.createWorkspace': (input, ctx) => createWorkspaceFromTemplate(ctx, input),
  'template.addScorecard': (input, ctx) => addScorecardFromTemplate(ctx, input),
  'template.addKpi': (input, ctx) => addKpiFromTemplate(ctx, input),
  'template.saveScorecard': (input, ctx) => saveScorecardTemplate(ctx, input),
  'template.saveKpi': (input, ctx) => saveKpiTemplate(ctx, input),
  'template.export': (input, ctx) => exportTemplate(ctx, input),
  'template.import': (input, ctx) => importTemplate(ctx, input.path),
  'template.delete': (input, ctx) => removeTemplate(ctx, input.templateId),
} satisfies HandlerGroup;

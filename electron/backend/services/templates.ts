import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { ExportResult } from '@shared/api/contract-export';
import type { TemplateSummary } from '@shared/api/contract-library';
import type { Kpi, Scorecard, WorkspaceInfo } from '@shared/domain/entities';
import {
  renameTakenCodes,
  resolveScorecardTemplate,
  templateKpis,
  type ResolvedScorecard,
} from '@shared/templates/resolve';
import type { TemplateKpiDefinition } from '@shared/templates/schema';
import type { HandlerContext } from '../context';
import { libraryIn, type Library } from '../library/catalogue';
import { seedKpis, seedScorecard } from '../library/seed-template';
import {
  deleteOwnTemplate,
  listTemplates,
  loadTemplate,
  readTemplateFile,
  summary,
  writeOwnTemplate,
  type TemplateFolders,
} from '../library/template-files';
import { AppSettingsFile } from '../settings/app-settings';
import { findKpiByCode, listKpis } from '../store/kpis';
import { getObjective, getScorecard } from '../store/records';
import { deliverExport, safeFileStem } from '../transfer/export/destination';
import { uniqueWorkspacePath, withWorkspaceExtension } from '../workspace/files';
import { createWorkspaceFile } from '../workspace/lifecycle';

// Templates: a new workspace or a scorecard from a scorecard template, a KPI from a KPI
// template, and template files to share (saving one: template-save.ts). Every addition is one transaction.

/** resources/: the library and the shipped templates (next to the sample by default). */
function resourcesDir(ctx: HandlerContext): string {
  return ctx.options.resourcesDir ?? dirname(dirname(ctx.options.samplePath));
}

export function libraryOf(ctx: HandlerContext): Library {
  return libraryIn(join(resourcesDir(ctx), 'library'));
}

export function folders(ctx: HandlerContext): TemplateFolders {
  return {
    builtin: join(resourcesDir(ctx), 'templates'),
    own: join(ctx.options.dataDir, 'templates'),
  };
}

/** The currency new KPIs start in (Settings), which library KPIs take. */
export function newKpiCurrency(ctx: HandlerContext): string {
  return new AppSettingsFile(ctx.options.dataDir).read().currency;
}

export function templateList(ctx: HandlerContext): TemplateSummary[] {
  return listTemplates(folders(ctx), libraryOf(ctx), ctx.options.log).map(summary);
}

function scorecardTemplate(ctx: HandlerContext, id: string): ResolvedScorecard {
  const library = libraryOf(ctx);
  const { template } = loadTemplate(folders(ctx), id, library);
  if (template.kind !== 'scorecard')
    throw new ApiError({
      code: 'VALIDATION',
      field: 'templateId',
      message: `"${template.name}" is a KPI template; add it to an objective, or choose a scorecard template.`,
    });
  return resolveScorecardTemplate(template, library.byCode, newKpiCurrency(ctx));
}

export function createWorkspaceFromTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.createWorkspace'>,
): WorkspaceInfo {
  const resolved = scorecardTemplate(ctx, input.templateId);
  const path =
    input.path === undefined
      ? uniqueWorkspacePath(ctx.options.workspacesDir, input.name)
      : withWorkspaceExtension(input.path);
  const workspace = createWorkspaceFile(path, input.name, ctx.fileEnv(), (created) => {
    // The company scorecard carries the organisation's name, not the template's "Company".
    seedScorecard(
      created,
      { ...resolved, name: input.name },
      null,
      ctx.options.userName,
      ctx.now(),
    );
  });
  return ctx.switchTo(workspace);
}

export function addScorecardFromTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.addScorecard'>,
): { scorecard: Scorecard; renamed: { from: string; to: string }[] } {
  const resolved = scorecardTemplate(ctx, input.templateId);
  const workspace = ctx.workspace();
  const { db } = workspace;
  return db.transaction(() => {
    if (input.parentId !== null) getScorecard(db, input.parentId, 'parentId');
    const taken = new Set(listKpis(db).map((kpi) => kpi.code));
    const { kpis, renamed } = renameTakenCodes(templateKpis(resolved), taken);
    let index = 0;
    const renamedTemplate: ResolvedScorecard = {
      ...resolved,
      name: input.name ?? resolved.name,
      perspectives: resolved.perspectives.map((perspective) => ({
        ...perspective,
        objectives: perspective.objectives.map((objective) => ({
          ...objective,
          kpis: objective.kpis.map(() => kpis[index++] as TemplateKpiDefinition),
        })),
      })),
    };
    const { scorecard } = seedScorecard(
      workspace,
      renamedTemplate,
      input.parentId,
      ctx.options.userName,
      ctx.now(),
    );
    return { scorecard, renamed };
  })();
}

export function addKpiFromTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.addKpi'>,
): { added: Kpi[] } {
  const { template } = loadTemplate(folders(ctx), input.templateId, libraryOf(ctx));
  if (template.kind !== 'kpi')
    throw new ApiError({
      code: 'VALIDATION',
      field: 'templateId',
      message: `"${template.name}" is a scorecard template; add it as a scorecard, or choose a KPI template.`,
    });
  const workspace = ctx.workspace();
  const { db } = workspace;
  return db.transaction(() => {
    const objective = getObjective(db, input.objectiveId, 'objectiveId');
    const [main, ...inputs] = template.kpis;
    if (!main) return { added: [] };
    const holder = findKpiByCode(db, main.code);
    if (holder)
      throw new ApiError({
        code: 'CONFLICT',
        field: 'templateId',
        message: `"${main.name}" cannot be added: the identifier "${main.code}" is already used by the KPI "${holder.name}" in this workspace. Nothing was added.`,
      });
    // Inputs the workspace has (same identifier) are used as they are.
    const missing = inputs.filter((kpi) => findKpiByCode(db, kpi.code) === null);
    const before = new Set(listKpis(db).map((kpi) => kpi.id));
    seedKpis(
      workspace,
      [...missing, main].map((kpi) => ({ objectiveId: objective.id, kpi })),
      ctx.options.userName,
      ctx.now(),
    );
    const added = listKpis(db).filter((kpi) => !before.has(kpi.id));
    return { added };
  })();
}

export async function exportTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.export'>,
): Promise<ExportResult> {
  const { template } = loadTemplate(folders(ctx), input.templateId, libraryOf(ctx));
  return deliverExport(
    ctx.options.mode,
    input.destination,
    {
      fileName: `${safeFileStem(template.name)}.template.json`,
      extension: '.json',
      contentType: 'application/json',
    },
    (path) => {
      writeFileSync(path, `${JSON.stringify(template, null, 2)}\n`);
      return 1;
    },
  );
}

export function importTemplate(ctx: HandlerContext, path: string): TemplateSummary {
  const template = readTemplateFile(path, libraryOf(ctx));
  return summary(writeOwnTemplate(folders(ctx), template));
}

export function removeTemplate(ctx: HandlerContext, id: string): null {
  deleteOwnTemplate(folders(ctx), id);
  return null;
}

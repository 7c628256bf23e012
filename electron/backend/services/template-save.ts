import { ApiError } from '@shared/api/errors';
import type { MethodInput } from '@shared/api/contract';
import type { TemplateSummary } from '@shared/api/contract-library';
import type { Kpi } from '@shared/domain/entities';
import { formulaCodes } from '@shared/library/check';
import {
  TEMPLATE_FORMAT,
  templateFileSchema,
  type TemplateFile,
  type TemplateFileInput,
  type TemplateKpiDefinition,
} from '@shared/templates/schema';
import type { HandlerContext } from '../context';
import { summary, writeOwnTemplate } from '../library/template-files';
import { findKpiByCode, getKpi, listKpis } from '../store/kpis';
import { listLinks } from '../store/objective-links';
import { getScorecard, listObjectives, listPerspectives } from '../store/records';
import { listValues } from '../store/values';
import type { Db } from '../workspace/connection';
import { definitionOf } from './kpi-definition';
import { folders } from './templates';

// A consultant's own templates, saved from the open workspace into the data folder: a
// scorecard with its perspectives, objectives, KPIs and the links between its objectives, or a
// KPI with the KPIs its formula needs. Owners and values only when asked for.

interface SaveOptions {
  includePeople: boolean;
  includeValues: boolean;
}

/** A workspace KPI as a template definition: no owner or values unless asked for. */
function asTemplateKpi(db: Db, kpi: Kpi, options: SaveOptions): TemplateKpiDefinition {
  const definition = definitionOf(kpi);
  const values: Record<string, number> = {};
  const comments: Record<string, string> = {};
  if (options.includeValues)
    for (const value of listValues(db, { kpiIds: [kpi.id] })) {
      values[value.period] = value.value;
      if (value.comment !== '') comments[value.period] = value.comment;
    }
  return {
    ...definition,
    owner: options.includePeople ? definition.owner : '',
    values,
    comments,
  };
}

/** The workspace KPIs `kpis` need through their formulas and do not include themselves. */
function outsideInputs(db: Db, kpis: readonly Kpi[]): Map<string, Kpi[]> {
  const inside = new Set(kpis.map((kpi) => kpi.code));
  const needed = new Map<string, Kpi[]>();
  for (const kpi of kpis) {
    const found: Kpi[] = [];
    const visit = (of: Kpi): void => {
      for (const code of formulaCodes(of.formula)) {
        if (inside.has(code)) continue;
        const input = findKpiByCode(db, code);
        if (!input) continue;
        inside.add(code);
        visit(input);
        found.push(input);
      }
    };
    visit(kpi);
    if (found.length > 0) needed.set(kpi.id, found);
  }
  return needed;
}

function checked(template: TemplateFileInput): TemplateFile {
  const parsed = templateFileSchema.safeParse(template);
  if (!parsed.success)
    throw new ApiError({
      code: 'VALIDATION',
      message: `The template could not be made: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
    });
  return parsed.data;
}

export function saveScorecardTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.saveScorecard'>,
): TemplateSummary {
  const { db } = ctx.workspace();
  const scorecard = getScorecard(db, input.scorecardId, 'scorecardId');
  const kpis = listKpis(db, scorecard.id);
  // An input from another scorecard travels with the KPI that needs it.
  const extra = outsideInputs(db, kpis);
  const keys = new Map<string, string>();
  const keyOf = (objectiveId: string): string => {
    let key = keys.get(objectiveId);
    if (key === undefined) {
      key = `objective-${keys.size + 1}`;
      keys.set(objectiveId, key);
    }
    return key;
  };
  const template = checked({
    format: TEMPLATE_FORMAT,
    version: 1,
    kind: 'scorecard',
    name: input.name,
    description: input.description,
    scorecard: {
      name: scorecard.name,
      description: scorecard.description,
      perspectives: listPerspectives(db, scorecard.id).map((perspective) => ({
        name: perspective.name,
        weight: perspective.weight,
        objectives: listObjectives(db, perspective.id).map((objective) => ({
          key: keyOf(objective.id),
          name: objective.name,
          description: objective.description,
          weight: objective.weight,
          kpis: kpis
            .filter((kpi) => kpi.objectiveId === objective.id)
            .flatMap((kpi) => [...(extra.get(kpi.id) ?? []), kpi])
            .map((kpi) => asTemplateKpi(db, kpi, input)),
        })),
      })),
    },
    // Links between two objectives of this scorecard; links to other scorecards stay behind.
    links: listLinks(db)
      .filter((link) => keys.has(link.fromObjectiveId) && keys.has(link.toObjectiveId))
      .map((link) => ({
        from: keyOf(link.fromObjectiveId),
        to: keyOf(link.toObjectiveId),
        label: link.label,
      })),
  });
  return summary(writeOwnTemplate(folders(ctx), template));
}

export function saveKpiTemplate(
  ctx: HandlerContext,
  input: MethodInput<'template.saveKpi'>,
): TemplateSummary {
  const { db } = ctx.workspace();
  const kpi = getKpi(db, input.kpiId, 'kpiId');
  const inputs = outsideInputs(db, [kpi]).get(kpi.id) ?? [];
  const template = checked({
    format: TEMPLATE_FORMAT,
    version: 1,
    kind: 'kpi',
    name: input.name,
    description: input.description,
    kpis: [kpi, ...inputs].map((each) => asTemplateKpi(db, each, input)),
  });
  return summary(writeOwnTemplate(folders(ctx), template));
}

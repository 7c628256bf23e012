import { readFileSync } from 'node:fs';
import { ApiError } from '@shared/api/errors';
import { sampleWorkspaceSchema, type SampleWorkspace } from '@shared/sample/schema';
import { addKpi, setKpiParent } from './services/kpi';
import { addObjective } from './services/objective';
import { addScorecard } from './services/scorecard';
import { createLink } from './services/strategy-map';
import { updateMeta } from './store/meta';
import { periodProblem, ValueWriter } from './store/value-writer';
import { fieldLabel } from './validation';
import type { Workspace } from './workspace/workspace';

// The sample workspace: shipped as JSON, turned into a brand-new workspace file each time it
// is opened (the shipped JSON is only ever read).

function sampleError(detail: string): ApiError {
  return new ApiError({
    code: 'FILE_ERROR',
    message: `The sample workspace that came with the app cannot be used (${detail}). Reinstalling the app should fix this.`,
  });
}

export function loadSample(path: string): SampleWorkspace {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw sampleError(error instanceof Error ? error.message : String(error));
  }
  const parsed = sampleWorkspaceSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue ? fieldLabel(issue.path.map(String).join('.')) : '';
    throw sampleError(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Runs one step of building the sample, reporting a refusal as a broken sample. */
function sampleStep<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ApiError) throw sampleError(`${what}: ${error.message}`);
    throw error;
  }
}

/** Parents before children, whatever order the JSON lists the scorecards in. */
function parentsFirst(sample: SampleWorkspace): SampleWorkspace['scorecards'] {
  const placed = new Set<string>();
  const ordered: SampleWorkspace['scorecards'] = [];
  let pending = sample.scorecards;
  while (pending.length > 0) {
    const ready = pending.filter((card) => card.parent === null || placed.has(card.parent));
    if (ready.length === 0)
      throw sampleError(`scorecard "${pending[0]?.name ?? ''}" names a parent that does not exist`);
    for (const card of ready) placed.add(card.key);
    ordered.push(...ready);
    pending = pending.filter((card) => !ready.includes(card));
  }
  return ordered;
}

/** Writes the sample's scorecards, KPIs and values into a new (empty) workspace. */
export function seedSample(
  workspace: Workspace,
  sample: SampleWorkspace,
  enteredBy: string,
  now: string,
): void {
  const { db } = workspace;
  updateMeta(workspace, 'fiscal_year_start_month', String(sample.workspace.fiscalYearStartMonth));
  const scorecardIds = new Map<string, string>();
  const kpiIds = new Map<string, string>();
  const parentLinks: { code: string; parent: string }[] = [];
  const objectiveIds = new Map<string, string>();
  const values = new ValueWriter(db, workspace.changes, enteredBy, now);

  for (const card of parentsFirst(sample)) {
    const parentId = card.parent === null ? null : (scorecardIds.get(card.parent) ?? null);
    const created = addScorecard(
      workspace,
      { name: card.name, description: card.description, parentId },
      card.perspectives,
    );
    scorecardIds.set(card.key, created.id);
    card.perspectives.forEach((perspective, index) => {
      const perspectiveId = created.perspectiveIds[index] ?? '';
      for (const objectiveData of perspective.objectives) {
        const { kpis, ...objectiveFields } = objectiveData;
        const objective = addObjective(workspace, { ...objectiveFields, perspectiveId });
        if (objectiveIds.has(objective.name))
          throw sampleError(`two objectives are named "${objective.name}"`);
        objectiveIds.set(objective.name, objective.id);
        for (const { values: series, comments, parent, ...definition } of kpis) {
          const kpi = sampleStep(`KPI "${definition.code}"`, () =>
            addKpi(workspace, { ...definition, objectiveId: objective.id, parentKpiId: null }),
          );
          kpiIds.set(kpi.code, kpi.id);
          if (parent !== undefined) parentLinks.push({ code: kpi.code, parent });
          for (const [period, value] of Object.entries(series)) {
            const problem = periodProblem(kpi.frequency, period);
            if (problem) throw sampleError(`KPI "${kpi.code}": ${problem}`);
            values.set({ kpiId: kpi.id, period, value, comment: comments[period] ?? '' });
          }
          for (const period of Object.keys(comments))
            if (!(period in series))
              throw sampleError(`KPI "${kpi.code}" has a comment for ${period} but no value`);
        }
      }
    });
  }
  for (const link of parentLinks) {
    const parentId = kpiIds.get(link.parent);
    const childId = kpiIds.get(link.code);
    if (parentId === undefined || childId === undefined)
      throw sampleError(
        `KPI "${link.code}" names a parent KPI "${link.parent}" that does not exist`,
      );
    sampleStep(`KPI "${link.code}"`, () =>
      setKpiParent(workspace, { id: childId, parentKpiId: parentId }),
    );
  }
  for (const { from, to, label } of sample.links) {
    const fromId = objectiveIds.get(from);
    const toId = objectiveIds.get(to);
    if (fromId === undefined || toId === undefined)
      throw sampleError(`the link "${from}" → "${to}" names an objective that does not exist`);
    sampleStep(`link "${from}" → "${to}"`, () =>
      createLink(workspace, now, { fromObjectiveId: fromId, toObjectiveId: toId, label }),
    );
  }
}

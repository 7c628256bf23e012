import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { TemplateSource, TemplateSummary } from '@shared/api/contract-library';
import {
  kpiSetProblems,
  resolveScorecardTemplate,
  TemplateProblems,
} from '@shared/templates/resolve';
import { templateFileSchema, type TemplateFile } from '@shared/templates/schema';
import type { Library } from './catalogue';
import { firstIssue } from './issue-place';

// Template files: the shipped ones (resources/templates/, read only) and this computer's own
// (<data folder>/templates/). A file is used only after it passed the schema and resolved
// against the library with every formula input present; a bad file is refused with a message
// naming the item, and nothing is added.

export interface TemplateFolders {
  builtin: string;
  own: string;
}

export interface StoredTemplate {
  id: string;
  source: TemplateSource;
  path: string;
  template: TemplateFile;
}

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/** Parses and checks a template file's text; `label` names the file in messages. */
export function parseTemplate(text: string, label: string, library: Library): TemplateFile {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError({
      code: 'VALIDATION',
      message: `${label} is not a template file: it is not JSON (${error instanceof Error ? error.message : String(error)}). Nothing was added.`,
    });
  }
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success)
    throw new ApiError({
      code: 'VALIDATION',
      message: `${label} cannot be used: ${firstIssue(json, parsed.error)}. Nothing was added.`,
    });
  const template = parsed.data;
  try {
    if (template.kind === 'scorecard') resolveScorecardTemplate(template, library.byCode, 'EUR');
    else {
      const problems = kpiSetProblems(template.kpis);
      if (problems.length > 0) throw new TemplateProblems(problems);
    }
  } catch (error) {
    if (!(error instanceof TemplateProblems)) throw error;
    throw new ApiError({
      code: 'VALIDATION',
      message: `${label} cannot be used: ${error.problems.join('; ')}. Nothing was added.`,
    });
  }
  return template;
}

export function readTemplateFile(path: string, library: Library): TemplateFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ApiError({
      code: 'FILE_ERROR',
      message: `The template file "${path}" cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES)
    throw new ApiError({
      code: 'VALIDATION',
      message: `The template file "${basename(path)}" is larger than 20 MB; a template is much smaller. Nothing was added.`,
    });
  return parseTemplate(text, `The template file "${basename(path)}"`, library);
}

function pathOf(folders: TemplateFolders, id: string): { source: TemplateSource; path: string } {
  const [source, stem] = id.split(':');
  if ((source !== 'builtin' && source !== 'own') || !stem || !/^[a-z0-9][a-z0-9-]*$/.test(stem))
    throw new ApiError({ code: 'NOT_FOUND', message: `There is no template "${id}".` });
  return {
    source,
    path: join(source === 'builtin' ? folders.builtin : folders.own, `${stem}.json`),
  };
}

/** One template by id; NOT_FOUND when there is no such file. */
export function loadTemplate(
  folders: TemplateFolders,
  id: string,
  library: Library,
): StoredTemplate {
  const { source, path } = pathOf(folders, id);
  if (!existsSync(path))
    throw new ApiError({
      code: 'NOT_FOUND',
      field: 'templateId',
      message: `There is no template "${id}" (any more).`,
    });
  return { id, source, path, template: readTemplateFile(path, library) };
}

function stems(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /^[a-z0-9][a-z0-9-]*\.json$/.test(name))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Every template: the shipped ones (a broken one is an installation problem and is reported),
 * then this computer's own (one that no longer reads, say edited by hand, is left out and
 * logged rather than hiding the others).
 */
export function listTemplates(
  folders: TemplateFolders,
  library: Library,
  log?: (message: string, error?: unknown) => void,
): StoredTemplate[] {
  const builtin = stems(folders.builtin).map((stem) =>
    loadTemplate(folders, `builtin:${stem}`, library),
  );
  const own = stems(folders.own).flatMap((stem) => {
    try {
      return [loadTemplate(folders, `own:${stem}`, library)];
    } catch (error) {
      log?.(`Skipped the template file ${stem}.json in ${folders.own}`, error);
      return [];
    }
  });
  return [...builtin, ...own];
}

export function summary(stored: StoredTemplate): TemplateSummary {
  const { template } = stored;
  if (template.kind === 'kpi')
    return {
      id: stored.id,
      source: stored.source,
      kind: 'kpi',
      name: template.name,
      description: template.description,
      outline: template.kpis.map((kpi) => kpi.name),
      objectives: 0,
      kpis: template.kpis.length,
    };
  const objectives = template.scorecard.perspectives.flatMap((p) => p.objectives);
  return {
    id: stored.id,
    source: stored.source,
    kind: 'scorecard',
    name: template.name,
    description: template.description,
    outline: template.scorecard.perspectives.map((p) => p.name),
    objectives: objectives.length,
    kpis: objectives.reduce((total, objective) => total + objective.kpis.length, 0),
  };
}

function slug(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem === '' ? 'template' : stem;
}

/** Writes a template into the own folder under a fresh name (never over another file). */
export function writeOwnTemplate(folders: TemplateFolders, template: TemplateFile): StoredTemplate {
  mkdirSync(folders.own, { recursive: true });
  const base = slug(template.name);
  let stem = base;
  for (let n = 2; existsSync(join(folders.own, `${stem}.json`)); n += 1) stem = `${base}-${n}`;
  const path = join(folders.own, `${stem}.json`);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(template, null, 2)}\n`, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    throw new ApiError({
      code: 'FILE_ERROR',
      message: `The template could not be saved in "${folders.own}" (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  return { id: `own:${stem}`, source: 'own', path, template };
}

export function deleteOwnTemplate(folders: TemplateFolders, id: string): void {
  const { source, path } = pathOf(folders, id);
  if (source !== 'own')
    throw new ApiError({
      code: 'CONFLICT',
      field: 'templateId',
      message: 'The templates that come with the app cannot be deleted.',
    });
  if (!existsSync(path))
    throw new ApiError({
      code: 'NOT_FOUND',
      field: 'templateId',
      message: `There is no template "${id}" (any more).`,
    });
  unlinkSync(path);
}

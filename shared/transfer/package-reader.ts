import type { z } from 'zod';
import { hierarchyDepthProblem } from '../domain/hierarchy';
import { isPeriodKey } from '../domain/period';
import {
  kpiPackageSchema,
  MAX_PACKAGE_BYTES,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type KpiPackage,
} from './package-schema';

// Reading a JSON package from untrusted text (a file from another machine, a client's mail).
// Order matters: size first (before any work), then parsing with a reviver that refuses
// prototype-pollution keys before any object reaches code that could merge it, then the format
// and version (so a newer package gets "update the app", not a list of unknown fields), then
// the schema, then the references between records. The reader never throws: every refusal is
// a message naming what is wrong and where.

export type PackageReadResult = { ok: true; package: KpiPackage } | { ok: false; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

const refuse = (message: string): PackageReadResult => ({ ok: false, message });

function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || 'the package';
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the package format';
  return `${describePath(issue.path)}: ${issue.message}`;
}

/** Byte length of UTF-8 text without encoding it (which would double the memory of 200 MiB). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function parseJson(text: string): { json: unknown } | { refused: string } {
  try {
    const json = JSON.parse(text, function reviver(key: string, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    }) as unknown;
    return { json };
  } catch (error) {
    if (error instanceof ForbiddenKey)
      return {
        refused: `The package contains the key "${error.key}", which is used to attack programs that read JSON; it was refused.`,
      };
    if (error instanceof RangeError)
      return { refused: 'The package is nested too deeply to be a KPI Scorecard package.' };
    const detail = error instanceof Error ? error.message : String(error);
    return { refused: `The package is not valid JSON (${detail}).` };
  }
}

function checkHeader(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return 'This is not a KPI Scorecard package (it is not a JSON object).';
  const header = json as { format?: unknown; formatVersion?: unknown };
  if (header.format !== PACKAGE_FORMAT)
    return `This is not a KPI Scorecard package (its "format" is not "${PACKAGE_FORMAT}").`;
  const version = header.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return 'The package has no valid formatVersion.';
  if (version > PACKAGE_FORMAT_VERSION)
    return `This package was made by a newer version of KPI Scorecard (package format ${version}; this version reads format ${PACKAGE_FORMAT_VERSION}). Update the app to import it.`;
  return null;
}

function duplicate<T>(items: readonly T[], key: (item: T) => string): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}

/** References between records: every parent named exists, ids and codes are unique. */
export function packageProblem(pkg: KpiPackage): string | null {
  const ids = [
    ...pkg.scorecards.map((r) => r.id),
    ...pkg.perspectives.map((r) => r.id),
    ...pkg.objectives.map((r) => r.id),
    ...pkg.kpis.map((r) => r.id),
    ...(pkg.actionPlans ?? []).map((r) => r.id),
    ...(pkg.objectiveLinks ?? []).map((r) => r.id),
  ];
  const twice = duplicate(ids, (id) => id);
  if (twice) return `The id ${twice} is used by two records.`;
  const code = duplicate(pkg.kpis, (kpi) => kpi.code);
  if (code) return `The KPI code "${code}" is used by two KPIs.`;

  const scorecards = new Set(pkg.scorecards.map((r) => r.id));
  const perspectives = new Set(pkg.perspectives.map((r) => r.id));
  const objectives = new Set(pkg.objectives.map((r) => r.id));
  const kpis = new Map(pkg.kpis.map((r) => [r.id, r]));
  for (const [i, card] of pkg.scorecards.entries())
    if (card.parentId !== null && !scorecards.has(card.parentId))
      return `scorecards[${i}] ("${card.name}") names a parent scorecard ${card.parentId} that is not in the package.`;
  for (const [i, p] of pkg.perspectives.entries())
    if (!scorecards.has(p.scorecardId))
      return `perspectives[${i}] ("${p.name}") belongs to a scorecard ${p.scorecardId} that is not in the package.`;
  for (const [i, o] of pkg.objectives.entries())
    if (!perspectives.has(o.perspectiveId))
      return `objectives[${i}] ("${o.name}") belongs to a perspective ${o.perspectiveId} that is not in the package.`;
  for (const [i, k] of pkg.kpis.entries()) {
    if (!objectives.has(k.objectiveId))
      return `kpis[${i}] ("${k.name}") belongs to an objective ${k.objectiveId} that is not in the package.`;
    if (k.parentKpiId !== null && !kpis.has(k.parentKpiId))
      return `kpis[${i}] ("${k.name}") names a parent KPI ${k.parentKpiId} that is not in the package.`;
    if (k.parentKpiId === k.id) return `kpis[${i}] ("${k.name}") is its own parent.`;
  }
  const values = new Set<string>();
  for (const [i, v] of pkg.values.entries()) {
    const kpi = kpis.get(v.kpiId);
    if (!kpi) return `values[${i}] is for a KPI ${v.kpiId} that is not in the package.`;
    if (!isPeriodKey(kpi.frequency, v.period))
      return `values[${i}]: "${v.period}" is not a ${kpi.frequency} period of "${kpi.name}".`;
    const key = `${v.kpiId}/${v.period}`;
    if (values.has(key)) return `values[${i}]: "${kpi.name}" has two values for ${v.period}.`;
    values.add(key);
  }
  for (const [i, plan] of (pkg.actionPlans ?? []).entries()) {
    if (plan.kpiId !== null && !kpis.has(plan.kpiId))
      return `actionPlans[${i}] ("${plan.title}") is for a KPI ${plan.kpiId} that is not in the package.`;
    if (plan.objectiveId !== null && !objectives.has(plan.objectiveId))
      return `actionPlans[${i}] ("${plan.title}") is for an objective ${plan.objectiveId} that is not in the package.`;
  }
  const reminders = pkg.reminderSettings;
  for (const [i, override] of (reminders?.kpiOverrides ?? []).entries())
    if (!kpis.has(override.kpiId))
      return `reminderSettings.kpiOverrides[${i}] is for a KPI ${override.kpiId} that is not in the package.`;
  for (const [i, review] of (reminders?.reviewSchedules ?? []).entries())
    if (!scorecards.has(review.scorecardId))
      return `reminderSettings.reviewSchedules[${i}] is for a scorecard ${review.scorecardId} that is not in the package.`;
  const mapProblem = strategyMapProblem(pkg, scorecards, objectives);
  if (mapProblem) return mapProblem;
  return (
    cycleProblem(pkg) ??
    hierarchyDepthProblem(
      'scorecard',
      pkg.scorecards.map(({ id, parentId, name }) => ({ id, parentId, name })),
    ) ??
    hierarchyDepthProblem(
      'KPI',
      pkg.kpis.map(({ id, parentKpiId, name }) => ({ id, parentId: parentKpiId, name })),
    )
  );
}

/** Links join two different objectives of the package, once; positions name its records. */
function strategyMapProblem(
  pkg: KpiPackage,
  scorecards: ReadonlySet<string>,
  objectives: ReadonlySet<string>,
): string | null {
  const pairs = new Set<string>();
  for (const [i, link] of (pkg.objectiveLinks ?? []).entries()) {
    for (const end of [link.fromObjectiveId, link.toObjectiveId])
      if (!objectives.has(end))
        return `objectiveLinks[${i}] joins an objective ${end} that is not in the package.`;
    if (link.fromObjectiveId === link.toObjectiveId)
      return `objectiveLinks[${i}] leads from an objective to itself.`;
    const pair = `${link.fromObjectiveId}>${link.toObjectiveId}`;
    if (pairs.has(pair))
      return `objectiveLinks[${i}] repeats an earlier link between the same objectives.`;
    pairs.add(pair);
  }
  const placed = new Set<string>();
  for (const [i, position] of (pkg.mapPositions ?? []).entries()) {
    if (!scorecards.has(position.scorecardId))
      return `mapPositions[${i}] is for a scorecard ${position.scorecardId} that is not in the package.`;
    if (!objectives.has(position.objectiveId))
      return `mapPositions[${i}] is for an objective ${position.objectiveId} that is not in the package.`;
    const key = `${position.scorecardId}/${position.objectiveId}`;
    if (placed.has(key)) return `mapPositions[${i}] places the same objective twice on one map.`;
    placed.add(key);
  }
  return null;
}

/** A parent chain that loops (scorecards or KPIs) cannot be written. */
function cycleProblem(pkg: KpiPackage): string | null {
  const chains: [string, Map<string, string | null>, Map<string, string>][] = [
    [
      'scorecard',
      new Map(pkg.scorecards.map((s) => [s.id, s.parentId])),
      new Map(pkg.scorecards.map((s) => [s.id, s.name])),
    ],
    [
      'KPI',
      new Map(pkg.kpis.map((k) => [k.id, k.parentKpiId])),
      new Map(pkg.kpis.map((k) => [k.id, k.name])),
    ],
  ];
  for (const [kind, parents, names] of chains) {
    const settled = new Set<string>();
    for (const start of parents.keys()) {
      const path = new Set<string>();
      let at: string | null | undefined = start;
      while (at !== null && at !== undefined && !settled.has(at)) {
        if (path.has(at))
          return `The ${kind} "${names.get(at) ?? at}" is its own ancestor (its parents form a loop).`;
        path.add(at);
        at = parents.get(at);
      }
      for (const id of path) settled.add(id);
    }
  }
  return null;
}

export function readPackage(text: string): PackageReadResult {
  if (text.length > MAX_PACKAGE_BYTES || utf8Length(text) > MAX_PACKAGE_BYTES)
    return refuse(
      `The package is larger than ${MAX_PACKAGE_BYTES / 1024 / 1024} MiB, the most this app imports.`,
    );
  // A BOM is what Windows editors put in front of UTF-8; it is not part of the JSON.
  const parsed = parseJson(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if ('refused' in parsed) return refuse(parsed.refused);
  const headerProblem = checkHeader(parsed.json);
  if (headerProblem) return refuse(headerProblem);
  const result = kpiPackageSchema.safeParse(parsed.json);
  if (!result.success) return refuse(`The package is not valid: ${firstIssue(result.error)}.`);
  const problem = packageProblem(result.data);
  if (problem) return refuse(`The package is not valid: ${problem}`);
  return { ok: true, package: result.data };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaCodes } from '@shared/library/check';
import { libraryFileSchema, type LibraryKpi } from '@shared/library/schema';
import {
  inputsFirst,
  kpiSetProblems,
  libraryDefinition,
  renameTakenCodes,
  resolveScorecardTemplate,
  TemplateProblems,
  templateKpis,
} from '@shared/templates/resolve';
import { scorecardTemplateSchema, templateFileSchema } from '@shared/templates/schema';
import { issuePlace } from '../../../electron/backend/library/issue-place';

// The shipped scorecard templates: each resolves against the library into a complete, sound
// scorecard (every formula input present, at most five KPIs per objective, a leading indicator
// in every perspective, everything described), so a new workspace from any of them starts
// with nothing structurally wrong. Targets and owners are left for the user.

const root = join(process.cwd(), 'resources');
const library = new Map<string, LibraryKpi>(
  readdirSync(join(root, 'library')).flatMap((file) =>
    libraryFileSchema
      .parse(JSON.parse(readFileSync(join(root, 'library', file), 'utf8')))
      .kpis.map((kpi) => [kpi.code, kpi] as const),
  ),
);
const templateFiles = readdirSync(join(root, 'templates')).sort();
const load = (file: string) =>
  scorecardTemplateSchema.parse(JSON.parse(readFileSync(join(root, 'templates', file), 'utf8')));

describe('the shipped scorecard templates', () => {
  it('are the six the issue names', () => {
    expect(templateFiles).toEqual([
      'hospitality.json',
      'non-profit.json',
      'retail.json',
      'saas.json',
      'services.json',
      'small-business.json',
    ]);
  });

  describe.each(templateFiles)('%s', (file) => {
    const template = load(file);
    const resolved = resolveScorecardTemplate(template, library, 'EUR');
    const kpis = templateKpis(resolved);

    it('has 12–20 KPIs from the library, with every formula input included', () => {
      expect(kpis.length).toBeGreaterThanOrEqual(12);
      expect(kpis.length).toBeLessThanOrEqual(20);
      expect(kpiSetProblems(kpis)).toEqual([]);
    });

    it('has at most five KPIs per objective and none empty', () => {
      for (const perspective of resolved.perspectives)
        for (const objective of perspective.objectives) {
          expect(objective.kpis.length, objective.name).toBeGreaterThanOrEqual(1);
          expect(objective.kpis.length, objective.name).toBeLessThanOrEqual(5);
        }
    });

    it('has a leading indicator in every perspective', () => {
      for (const perspective of resolved.perspectives) {
        const leading = perspective.objectives
          .flatMap((o) => o.kpis)
          .filter((k) => k.timing === 'leading');
        expect(leading.length, perspective.name).toBeGreaterThanOrEqual(1);
      }
    });

    it('describes the template, every objective and every KPI', () => {
      expect(template.description.length).toBeGreaterThan(40);
      for (const objective of resolved.perspectives.flatMap((p) => p.objectives))
        expect(objective.description, objective.name).not.toBe('');
      for (const kpi of kpis) expect(kpi.description, kpi.code).not.toBe('');
    });

    it('leaves targets and owners for the user, and links objectives cause → effect', () => {
      for (const kpi of kpis) {
        expect(kpi.target, kpi.code).toBeNull();
        expect(kpi.owner, kpi.code).toBe('');
      }
      expect(template.links.length).toBeGreaterThanOrEqual(4);
    });
  });
});

describe('a template that does not hold together is refused, naming the item', () => {
  const base = load('small-business.json');

  it('a library KPI the library does not have', () => {
    const broken = structuredClone(base);
    broken.scorecard.perspectives[0]?.objectives[0]?.kpis.push({ library: 'ebitda_margin' });
    expect(() => resolveScorecardTemplate(broken, library, 'EUR')).toThrow(
      'Objective "Grow profitable revenue" names the library KPI "ebitda_margin", which the KPI library does not have',
    );
  });

  it('a formula input the template leaves out', () => {
    const broken = structuredClone(base);
    const objective = broken.scorecard.perspectives[0]?.objectives[0];
    if (objective)
      objective.kpis = objective.kpis.filter(
        (kpi) => !('library' in kpi) || kpi.library !== 'revenue',
      );
    let problems: string[] = [];
    try {
      resolveScorecardTemplate(broken, library, 'EUR');
    } catch (error) {
      if (error instanceof TemplateProblems) problems = error.problems;
    }
    expect(problems).toContain(
      'The formula of "Net profit margin" (net_profit_margin) needs the KPI "revenue", which the template does not include',
    );
  });

  it('a link to an objective that is not there, said in the file’s own words', () => {
    const json = { ...structuredClone(base), links: [{ from: 'grow_revenue', to: 'world_peace' }] };
    const parsed = templateFileSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.message).toBe(
      'The link grow_revenue → world_peace names an objective "world_peace" that the template does not have',
    );
    expect(issue && issuePlace(json, issue)).toBe('link #1 › To');
  });

  it('a KPI with a bad field, placed by objective and KPI name', () => {
    const json = structuredClone(base) as unknown as {
      scorecard: { perspectives: { objectives: { kpis: unknown[] }[] }[] };
    };
    const kpi = {
      ...libraryDefinition(library.get('revenue') as LibraryKpi, 'EUR'),
      direction: 'up',
    };
    json.scorecard.perspectives[0]?.objectives[0]?.kpis.splice(0, 1, kpi);
    const parsed = templateFileSchema.safeParse(json);
    const issue =
      parsed.error?.issues.find((each) => each.path.at(-1) === 'direction') ??
      parsed.error?.issues[0];
    expect(issue && issuePlace(json, issue)).toContain(
      'perspective "Financial" › objective "Grow profitable revenue" › KPI "Revenue" (revenue)',
    );
  });
});

// Laws of the two helpers that place a template's KPIs into a workspace.
const codeArb: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'a_2', 'b_2');
const kpiSetArb = fc
  .uniqueArray(codeArb, { minLength: 1, maxLength: 8 })
  .chain((codes) =>
    fc.tuple(
      fc.constant(codes),
      fc.array(fc.subarray(codes, { maxLength: Math.min(3, codes.length) }), {
        minLength: codes.length,
        maxLength: codes.length,
      }),
    ),
  )
  .map(([codes, inputs]) =>
    codes.map((code, index) => {
      // Only earlier codes as inputs: no cycles, as a checked template guarantees.
      const usable = (inputs[index] ?? []).filter((input) => codes.indexOf(input) < index);
      return {
        ...libraryDefinition(library.get('revenue') as LibraryKpi, 'EUR'),
        code,
        formula: usable.length > 0 ? usable.join(' + ') : null,
      };
    }),
  )
  .chain((kpis) => fc.shuffledSubarray(kpis, { minLength: kpis.length, maxLength: kpis.length }));

describe('placing template KPIs', () => {
  it('orders every KPI after the inputs of its formula, keeping all of them', () => {
    fc.assert(
      fc.property(kpiSetArb, (kpis) => {
        const ordered = inputsFirst(kpis);
        expect(ordered.map((k) => k.code).sort()).toEqual(kpis.map((k) => k.code).sort());
        const position = new Map(ordered.map((kpi, index) => [kpi.code, index]));
        for (const kpi of ordered)
          for (const input of formulaCodes(kpi.formula))
            expect(position.get(input)).toBeLessThan(position.get(kpi.code) ?? -1);
      }),
    );
  });

  it('renames codes the workspace uses to free ones, formulas following', () => {
    fc.assert(
      fc.property(kpiSetArb, fc.uniqueArray(codeArb), (kpis, takenList) => {
        const taken = new Set(takenList);
        const { kpis: renamed, renamed: map } = renameTakenCodes(kpis, taken);
        const codes = renamed.map((kpi) => kpi.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const code of codes) expect(taken.has(code)).toBe(false);
        const to = new Map(map.map(({ from, to: next }) => [from, next]));
        renamed.forEach((kpi, index) => {
          const before = formulaCodes(kpis[index]?.formula).map((code) => to.get(code) ?? code);
          expect(formulaCodes(kpi.formula)).toEqual(before);
        });
        expect(kpiSetProblems(renamed)).toEqual([]);
      }),
    );
  });
});

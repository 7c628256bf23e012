import { z } from 'zod';
import { kpiCodeSchema, nameSchema, weightSchema } from '../api/schemas';
import { sampleKpiSchema } from '../sample/schema';

// The shape of a template file: a whole scorecard (perspectives → objectives → KPIs, with
// strategy-map links between objectives) or a KPI with the inputs its formula needs. Shipped
// templates (resources/templates/) name library KPIs by code; a consultant's own templates,
// saved from a workspace, carry full definitions. Values and comments come only when the
// consultant asked for them; the file is the same either way.

export const TEMPLATE_FORMAT = 'kpi-scorecard-template';

/** A KPI of the library, by code; the library supplies the definition. */
export const templateLibraryRefSchema = z.strictObject({
  library: kpiCodeSchema,
  weight: weightSchema.optional(),
});

/** A full KPI definition (the sample workspace's shape, without parent links). */
export const templateKpiDefinitionSchema = sampleKpiSchema
  .omit({ parent: true })
  .extend({ code: kpiCodeSchema });
export type TemplateKpiDefinition = z.output<typeof templateKpiDefinitionSchema>;

export const templateKpiSchema = z.union([templateLibraryRefSchema, templateKpiDefinitionSchema], {
  error: 'Each KPI is either {"library": code} or a full KPI definition with a code',
});

const keySchema = z.string({ error: 'Key must be text' }).regex(/^[a-z][a-z0-9_-]{0,62}$/, {
  error: 'Key must start with a lowercase letter and use only a-z, 0-9, _ and -',
});

export const templateObjectiveSchema = z.strictObject({
  /** Local key: strategy-map links name objectives by it. */
  key: keySchema,
  name: nameSchema,
  description: z.string({ error: 'Description must be text' }).trim().max(10_000).default(''),
  weight: weightSchema.default(1),
  kpis: z.array(templateKpiSchema).max(200, { error: 'At most 200 KPIs per objective' }),
});

export const templatePerspectiveSchema = z.strictObject({
  name: nameSchema,
  weight: weightSchema.default(1),
  objectives: z.array(templateObjectiveSchema).max(200),
});

const head = {
  format: z.literal(TEMPLATE_FORMAT, {
    error: `This is not a template file (format must be "${TEMPLATE_FORMAT}")`,
  }),
  version: z.literal(1, {
    error: 'This template is from another version of the app (version 1 expected)',
  }),
  name: nameSchema,
  description: z.string({ error: 'Description must be text' }).trim().max(10_000).default(''),
};

export const scorecardTemplateSchema = z
  .strictObject({
    ...head,
    kind: z.literal('scorecard'),
    scorecard: z.strictObject({
      name: nameSchema,
      description: z.string({ error: 'Description must be text' }).trim().max(10_000).default(''),
      perspectives: z
        .array(templatePerspectiveSchema)
        .min(1, { error: 'A scorecard template has at least one perspective' })
        .max(20),
    }),
    /** Strategy-map links, cause → effect, between objective keys. */
    links: z
      .array(
        z.strictObject({
          from: keySchema,
          to: keySchema,
          label: z.string({ error: 'Label must be text' }).trim().max(200).default(''),
        }),
      )
      .max(1000)
      .default([]),
  })
  .superRefine((template, ctx) => {
    const keys = new Set<string>();
    template.scorecard.perspectives.forEach((perspective, p) => {
      perspective.objectives.forEach((objective, o) => {
        if (keys.has(objective.key))
          ctx.addIssue({
            code: 'custom',
            path: ['scorecard', 'perspectives', p, 'objectives', o, 'key'],
            message: `Two objectives have the key "${objective.key}"`,
          });
        keys.add(objective.key);
      });
    });
    const seen = new Set<string>();
    template.links.forEach((link, index) => {
      for (const end of ['from', 'to'] as const)
        if (!keys.has(link[end]))
          ctx.addIssue({
            code: 'custom',
            path: ['links', index, end],
            message: `The link ${link.from} → ${link.to} names an objective "${link[end]}" that the template does not have`,
          });
      if (link.from === link.to)
        ctx.addIssue({
          code: 'custom',
          path: ['links', index],
          message: `The link ${link.from} → ${link.to} joins an objective to itself`,
        });
      const id = `${link.from}→${link.to}`;
      if (seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['links', index],
          message: `The link ${link.from} → ${link.to} is listed twice`,
        });
      seen.add(id);
    });
  });

/** A KPI template: the KPI first, then the KPIs its formula needs (added with it if missing). */
export const kpiTemplateSchema = z.strictObject({
  ...head,
  kind: z.literal('kpi'),
  kpis: z
    .array(templateKpiDefinitionSchema)
    .min(1, { error: 'A KPI template holds at least its KPI' })
    .max(500),
});

export const templateFileSchema = z.discriminatedUnion(
  'kind',
  [scorecardTemplateSchema, kpiTemplateSchema],
  {
    error: 'Template kind must be "scorecard" or "kpi"',
  },
);

export type ScorecardTemplate = z.output<typeof scorecardTemplateSchema>;
export type KpiTemplate = z.output<typeof kpiTemplateSchema>;
export type TemplateFile = z.output<typeof templateFileSchema>;
export type TemplateFileInput = z.input<typeof templateFileSchema>;

import { z } from 'zod';
import type { MapPosition, ObjectiveLink } from '../domain/entities';
import type { StrategyMap } from '../strategy-map/model';
import { bucketSchema, idSchema, viewSpecInput } from './schemas';
import { method } from './method';

// The strategy map: links between objectives (cause → effect) and where objectives were
// dragged on a scorecard's map. Merged into the one contract in contract.ts.

const labelSchema = z
  .string({ error: 'Label must be text' })
  .trim()
  .max(200, { error: 'Label must be at most 200 characters' });

/** Map units: the layout's own coordinates (a node is about 180 wide). */
const coordinate = (axis: string) =>
  z
    .number({ error: `${axis} must be a number` })
    .refine(Number.isFinite, { error: `${axis} must be a finite number` })
    .refine((n) => Math.abs(n) <= 1e6, { error: `${axis} must be within ±1,000,000` });

export const strategyMapContract = {
  /** Every link of the workspace, oldest first. */
  'link.list': method<ObjectiveLink[]>()(z.strictObject({})),
  /**
   * Cause → effect: `from` is expected to drive `to`. Refused with a message naming the field:
   * an end that does not exist (or was deleted), a self-link, the same link twice.
   */
  'link.create': method<ObjectiveLink>()(
    z.strictObject({
      fromObjectiveId: idSchema,
      toObjectiveId: idSchema,
      label: labelSchema.default(''),
    }),
  ),
  'link.update': method<ObjectiveLink>()(z.strictObject({ id: idSchema, label: labelSchema })),
  'link.delete': method<null>()(z.strictObject({ id: idSchema })),

  /** A scorecard's map for one view period: bands, objectives with status, links, positions. */
  'strategyMap.get': method<StrategyMap>()(
    z.strictObject({
      scorecardId: idSchema,
      view: viewSpecInput,
      period: bucketSchema.optional(),
    }),
  ),
  /** Keeps where the user dragged objectives on this scorecard's map; returns all kept. */
  'strategyMap.setPositions': method<MapPosition[]>()(
    z.strictObject({
      scorecardId: idSchema,
      positions: z
        .array(z.strictObject({ objectiveId: idSchema, x: coordinate('x'), y: coordinate('y') }))
        .min(1, { error: 'No positions to keep' })
        .max(5000, { error: 'At most 5,000 positions at once' }),
    }),
  ),
  /** Forgets the dragged positions: the automatic layout places every objective again. */
  'strategyMap.resetPositions': method<null>()(z.strictObject({ scorecardId: idSchema })),
} as const;

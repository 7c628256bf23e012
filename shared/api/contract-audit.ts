import { z } from 'zod';
import type { AuditEntry } from '../domain/audit';
import { CHANGE_ENTITIES, type KpiValue } from '../domain/entities';
import { exportDestinationSchema, type ExportResult } from './contract-export';
import { method } from './method';
import { idSchema, periodSchema } from './schemas';

// The audit trail (issue 18): the change log as a screen and a CSV file, and a value brought
// back to an earlier version. Merged into the one contract in contract.ts.

const instant = (what: string) =>
  z.iso.datetime({ error: `${what} must be a date and time like 2026-10-01T00:00:00Z` });

/** Which entries: each filter left out lets everything through. */
export const auditFilterFields = {
  scorecardId: idSchema.optional(),
  kpiId: idSchema.optional(),
  period: periodSchema.optional(),
  entity: z
    .enum(CHANGE_ENTITIES, { error: `Kind must be one of ${CHANGE_ENTITIES.join(', ')}` })
    .optional(),
  /** From this instant on (the start of the user's first day). */
  from: instant('From').optional(),
  /** Before this instant (the end of the user's last day). */
  to: instant('To').optional(),
};

export interface AuditPage {
  entries: AuditEntry[];
  /** How many entries the filter matches in all. */
  total: number;
}

export interface RestoreResult {
  /** The value as it is now; null when the version restored was "no value". */
  value: KpiValue | null;
  /** The change the restore wrote (to undo it), or null when the value already was so. */
  changeId: string | null;
}

export const auditContract = {
  /** Entries of the change log, newest first, a page at a time. */
  'audit.list': method<AuditPage>()(
    z.strictObject({
      ...auditFilterFields,
      limit: z
        .number()
        .int()
        .min(1)
        .max(1000, { error: 'At most 1,000 entries a page' })
        .default(200),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** Every entry the filter matches as a CSV file (text neutralised against formulas). */
  'audit.export': method<ExportResult>()(
    z.strictObject({
      ...auditFilterFields,
      /** The user's locale, for the numbers in the sentences. */
      locale: z.string().max(35).optional(),
      destination: exportDestinationSchema,
    }),
  ),
  /**
   * Brings a value back to the version a change left it in (`after`, the default) or found it
   * in (`before`: undoing that change). A new change, itself restorable.
   */
  'value.restore': method<RestoreResult>()(
    z.strictObject({
      changeId: idSchema,
      version: z
        .enum(['after', 'before'], { error: 'Version must be after or before' })
        .default('after'),
    }),
  ),
} as const;

import { ApiError } from '@shared/api/errors';
import { healthFindings, healthReport } from '@shared/health/check';
import type { HealthDismissal, HealthFinding, HealthReport } from '@shared/health/types';
import type { Tx } from '../store/change-log';
import { periodsByKpi, readStructure } from '../store/evaluation-inputs';
import {
  deleteDismissal,
  findDismissal,
  insertDismissal,
  listDismissals,
} from '../store/health-dismissals';
import type { Db } from '../workspace/connection';

// The health check on a workspace file: the pure rules (shared/health) fed with its structure
// and the periods that have values; dismissals kept in the file with the change log.

/** Every finding of the workspace, dismissed or not. `now` (ISO) says which periods are due. */
export function currentFindings(db: Db, now: string): HealthFinding[] {
  const structure = readStructure(db);
  const periods = periodsByKpi(db);
  return healthFindings({
    ...structure,
    periodsWithValue: new Map([...periods].map(([id, list]) => [id, new Set(list)])),
    today: now.slice(0, 10),
  });
}

export function checkHealth(db: Db, now: string): HealthReport {
  return db.transaction(() => healthReport(currentFindings(db, now), listDismissals(db)))();
}

export function dismissFinding(
  tx: Tx,
  now: string,
  input: { key: string; reason: string },
): HealthDismissal {
  return tx.db.transaction(() => {
    const finding = currentFindings(tx.db, now).find((f) => f.key === input.key);
    if (!finding)
      throw new ApiError({
        code: 'NOT_FOUND',
        field: 'key',
        message: `There is no health finding "${input.key}" in this workspace now (it may have been fixed).`,
      });
    if (findDismissal(tx.db, input.key))
      throw new ApiError({
        code: 'CONFLICT',
        field: 'key',
        message: `"${finding.message}" is already dismissed.`,
      });
    return insertDismissal(tx, { findingKey: input.key, reason: input.reason }, now);
  })();
}

/** Brings a dismissed finding back into the list. */
export function restoreFinding(tx: Tx, key: string): void {
  tx.db.transaction(() => {
    const dismissal = findDismissal(tx.db, key);
    if (!dismissal)
      throw new ApiError({
        code: 'NOT_FOUND',
        field: 'key',
        message: `The health finding "${key}" is not dismissed.`,
      });
    deleteDismissal(tx, dismissal);
  })();
}

import type { ChangeEntity, ChangeOperation } from '@shared/domain/entities';
import { lifeStamp, type RecordEvent } from '@shared/sync/fold';
import { compareStamps } from '@shared/sync/hlc';
import { findDismissal } from './health-dismissals';
import { findKpiByCode, uniqueCode } from './kpis';
import { findLinkBetween } from './objective-links';
import type { Db } from '../workspace/connection';

// Records created on two laptops that claim one unique name: the same KPI code, the same link
// between two objectives, the same health finding dismissed. The rule, the same on every
// laptop whatever order the records arrive in: the record whose life began first (the older
// stamp of its insert) keeps the name. A KPI that gives way keeps its record, definitions and
// values under the next free code ("rev" → "rev_2"); a duplicate link or dismissal is deleted.
// Either is a change of its own, logged and sent like any other, made as if it had seen
// nothing of the record (its base is empty): a renamed KPI is then listed for review on every
// laptop with both codes until someone edits it. What gave way stays in the history.

type Fields = Record<string, unknown>;

/** What a rule needs from the page being applied. */
export interface Resolutions {
  /** Logs (and stamps) a change sync itself made to settle a clash. */
  record(
    entity: ChangeEntity,
    entityId: string,
    operation: ChangeOperation,
    before: Fields | null,
    after: Fields | null,
  ): void;
  /** The events of a record as this file knows them (stamped). */
  eventsOf(entity: ChangeEntity, entityId: string): RecordEvent[];
}

/** How the record about to be written came out: written as is, renamed, or dropped. */
export type Outcome = 'kept' | 'renamed' | 'dropped';

interface UniqueRule {
  /** The other record holding this one's unique name, with its fields as stored. */
  holder(db: Db, id: string, fields: Fields): { id: string; fields: Fields } | null;
  /** Makes `fields` (of record `id`) give way; 'dropped' when the record goes. */
  giveWay(db: Db, id: string, fields: Fields, log: Resolutions): Outcome;
}

const kpiRule: UniqueRule = {
  holder(db, id, fields) {
    if (typeof fields.code !== 'string') return null;
    const other = findKpiByCode(db, fields.code);
    return other === null || other.id === id ? null : { id: other.id, fields: { ...other } };
  },
  giveWay(db, id, fields, log) {
    const code = uniqueCode(db, String(fields.code));
    const after = { ...fields, id, code };
    log.record('kpi', id, 'update', { ...fields, id }, after);
    db.prepare('UPDATE kpis SET code = ? WHERE id = ?').run(code, id);
    fields.code = code;
    return 'renamed';
  },
};

/** A rule for records that go when they give way. */
function dropRule(
  entity: ChangeEntity,
  table: string,
  find: (db: Db, fields: Fields) => Fields | null,
): UniqueRule {
  return {
    holder(db, id, fields) {
      const other = find(db, fields);
      return other === null || other.id === id ? null : { id: String(other.id), fields: other };
    },
    giveWay(db, id, fields, log) {
      log.record(entity, id, 'delete', { ...fields, id }, null);
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      return 'dropped';
    },
  };
}

const RULES: Partial<Record<ChangeEntity, UniqueRule>> = {
  kpi: kpiRule,
  objective_link: dropRule('objective_link', 'objective_links', (db, f) =>
    typeof f.fromObjectiveId === 'string' && typeof f.toObjectiveId === 'string'
      ? (findLinkBetween(db, f.fromObjectiveId, f.toObjectiveId) as Fields | null)
      : null,
  ),
  health_dismissal: dropRule('health_dismissal', 'health_dismissals', (db, f) =>
    typeof f.findingKey === 'string' ? (findDismissal(db, f.findingKey) as Fields | null) : null,
  ),
};

/**
 * Before record `id` of `entity` is written with `fields` (changed in place when it is
 * renamed): settles a clash with the record already holding its unique name. A record whose
 * insert this file has not stamped yet (written here during the sync) began its life last.
 */
export function settleUnique(
  db: Db,
  entity: ChangeEntity,
  id: string,
  fields: Fields,
  born: string | null,
  log: Resolutions,
): Outcome {
  const rule = RULES[entity];
  if (rule === undefined) return 'kept';
  const holder = rule.holder(db, id, fields);
  if (holder === null) return 'kept';
  const theirs = lifeStamp(log.eventsOf(entity, holder.id));
  const oursFirst = born !== null && (theirs === null || compareStamps(born, theirs) < 0);
  if (!oursFirst) return rule.giveWay(db, id, fields, log);
  rule.giveWay(db, holder.id, holder.fields, log);
  return 'kept';
}

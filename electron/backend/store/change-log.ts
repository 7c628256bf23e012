import type { Statement } from 'better-sqlite3';
import type { ChangeEntity, ChangeLogEntry, ChangeOperation } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import { PACK_LIMIT, entriesOf } from '../workspace/change-log-packs';
import type { RawChange } from './change-log-read';
import { newId, newIdBlock } from './ids';

// The append-only change log: value history, audit trail, and later the unit of sync
// (ARCHITECTURE.md). Each store writes it inside the same transaction as the change itself;
// this class holds the only INSERT INTO change_log (a unit test checks the sources for others).
// `change_log` is a view over the stored rows, `change_log_rows`, where the new values of one
// KPI written in bulk are one pack (workspace/change-log-packs.ts): writes go to the rows, and
// reads ask for the rows they need, which SQLite unfolds into entries.

export type { ChangeEntity };

/** What every store write takes: the connection and its log, written in one transaction. */
export interface Tx {
  db: Db;
  changes: ChangeLog;
}

/** A value's entity id in the log: its natural key. */
export function valueEntityId(kpiId: string, period: string): string {
  return `${kpiId}/${period}`;
}

export interface ChangeRow {
  id: string;
  entity: string;
  entity_id: string;
  operation: ChangeOperation;
  old_value: string | null;
  new_value: string | null;
  at: string;
  device_id: string;
}

export function toEntry(row: ChangeRow): ChangeLogEntry {
  return {
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    oldValue: row.old_value === null ? null : (JSON.parse(row.old_value) as unknown),
    newValue: row.new_value === null ? null : (JSON.parse(row.new_value) as unknown),
    at: row.at,
    deviceId: row.device_id,
  };
}

/**
 * What a write touched, for the `changed` event's scorecards: `kind:id` references to the
 * scorecards, perspectives, objectives and KPIs the logged entities belong to (taken from the
 * entries themselves, so a deleted entity still names its parent), or `wide` when something
 * of the whole workspace changed (its settings, the report options, reminder defaults).
 */
export interface Touched {
  entities: ChangeEntity[];
  refs: string[];
  wide: boolean;
}

const OWNER_KIND = {
  scorecardId: 'scorecard',
  perspectiveId: 'perspective',
  objectiveId: 'objective',
  kpiId: 'kpi',
  // A roll-up child names its parent KPI; a scorecard its parent scorecard.
  parentKpiId: 'kpi',
  parentId: 'scorecard',
  // A strategy map's link names the objectives it joins.
  fromObjectiveId: 'objective',
  toObjectiveId: 'objective',
} as const;
const OWNER_FIELDS = Object.keys(OWNER_KIND) as (keyof typeof OWNER_KIND)[];
const WIDE: ReadonlySet<ChangeEntity> = new Set([
  'workspace',
  'reminder_defaults',
  'report_options',
  // The health check's count covers the whole workspace, whatever the finding concerns.
  'health_dismissal',
]);

class TouchedSet {
  private readonly kinds = new Set<ChangeEntity>();
  private readonly refs = new Set<string>();
  private wide = false;

  /** Notes an entry; `records` are its old and new value (a move names both owners). */
  note(entity: ChangeEntity, entityId: string, records: readonly unknown[]): void {
    this.kinds.add(entity);
    if (WIDE.has(entity)) this.wide = true;
    else if (entity === 'value') this.refs.add(`kpi:${entityId.slice(0, entityId.indexOf('/'))}`);
    else if (entity === 'kpi_reminder') this.refs.add(`kpi:${entityId}`);
    else if (entity === 'review_schedule') this.refs.add(`scorecard:${entityId}`);
    else if (
      entity === 'scorecard' ||
      entity === 'perspective' ||
      entity === 'objective' ||
      entity === 'kpi'
    )
      this.refs.add(`${entity}:${entityId}`);
    for (const record of records)
      if (typeof record === 'object' && record !== null)
        for (const field of OWNER_FIELDS) {
          const id = (record as Record<string, unknown>)[field];
          if (typeof id === 'string') this.refs.add(`${OWNER_KIND[field]}:${id}`);
        }
  }

  /** A kind written in bulk; its owners are noted apart (`BulkChanges.valuesOf`). */
  kind(entity: ChangeEntity): void {
    this.kinds.add(entity);
  }

  take(): Touched {
    const touched = { entities: [...this.kinds], refs: [...this.refs], wide: this.wide };
    this.kinds.clear();
    this.refs.clear();
    this.wide = false;
    return touched;
  }
}

/** Entries in one multi-row INSERT of a bulk write: one call instead of a hundred. */
const BULK_ROWS = 100;
const COLUMNS = '(id, entity, entity_id, operation, old_value, new_value, at, device_id)';
// Single entries go in through the view (its INSTEAD OF INSERT trigger stores them), which
// also works on a file not yet migrated to the packed log; packs go to the stored rows.
const INSERT = `INSERT INTO change_log ${COLUMNS} VALUES `;
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * New values of one KPI written in bulk, as one JSON text: an array of `[period, value,
 * comment]` rows, or `[period, value, comment, enteredBy, enteredAt]` for a row with its own
 * author and time. The value store inserts them with `json_each`, and the log keeps the text
 * as the KPI's pack (`BulkChanges.valueInserts`): one bound parameter for a thousand rows.
 */
export type NewValueRowsJson = string;

/** One pack: the entries of a KPI's new values, unfolded by the `change_log` view. */
const PACK_INSERT = `INSERT INTO change_log_rows
  (id, entity, entity_id, operation, old_value, new_value, at, device_id, pack_rows, pack_first,
   pack_entered_by, pack_entered_at, pack_source)
  VALUES (@id, 'value', @entityId, 'insert', NULL, NULL, @at, @deviceId, @rows, @first,
   @enteredBy, @enteredAt, @source)`;

/**
 * Entries of a bulk write (an import), appended a hundred to a statement, or a thousand new
 * values at a time made in SQL (`valueInserts`). The caller builds single entries' JSON (an
 * import writes it by concatenation, faster than JSON.stringify of an object); `flush` before
 * reading the log or committing.
 */
export class BulkChanges {
  private params: (string | null)[] = [];
  private readonly many: Statement;
  private readonly one: Statement;
  private valueInsertsStatement: Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly at: string,
    private readonly deviceId: string,
    private readonly touched: TouchedSet,
  ) {
    this.many = db.prepare(`${INSERT}${Array.from({ length: BULK_ROWS }, () => ROW).join(', ')}`);
    this.one = db.prepare(`${INSERT}${ROW}`);
  }

  /** Appends an entry; `oldJson` and `newJson` are JSON text (or null). */
  add(
    entity: ChangeEntity,
    entityId: string,
    operation: ChangeOperation,
    oldJson: string | null,
    newJson: string | null,
  ): void {
    // Values name their KPI in their id; anything else is parsed for its owner (rare in bulk).
    this.touched.note(
      entity,
      entityId,
      entity === 'value'
        ? []
        : [oldJson, newJson].map((json): unknown => JSON.parse(json ?? 'null')),
    );
    const { params } = this;
    params.push(newId(), entity, entityId, operation, oldJson, newJson, this.at, this.deviceId);
    if (params.length === BULK_ROWS * 8) {
      this.many.run(params);
      this.params = [];
    }
  }

  /**
   * One 'insert' entry per row of `rows` (`count` of them, new values of `kpiId`), in their
   * order, after the entries added before: one stored pack. `enteredBy` and `enteredAt` stand
   * for rows that do not carry their own.
   */
  valueInserts(
    kpiId: string,
    rows: NewValueRowsJson,
    count: number,
    entered: { by: string; at: string; source: string | null },
  ): void {
    if (count === 0) return;
    if (count >= PACK_LIMIT) throw new Error(`A pack holds fewer than ${PACK_LIMIT} values`);
    this.flush();
    this.touched.kind('value');
    this.valueInsertsStatement ??= this.db.prepare(PACK_INSERT);
    const { prefix, first } = newIdBlock(count);
    this.valueInsertsStatement.run({
      id: prefix + first.toString(16).padStart(12, '0'),
      entityId: `${kpiId}/`,
      rows,
      first,
      enteredBy: entered.by,
      enteredAt: entered.at,
      // An import's file, kept with each entry for the audit trail (not part of the value).
      source: entered.source,
      at: this.at,
      deviceId: this.deviceId,
    });
  }

  /** New values of this KPI follow (its values' entries are made in SQL, unseen here). */
  valuesOf(kpiId: string): void {
    this.touched.note('value', `${kpiId}/`, []);
  }

  flush(): void {
    const { params } = this;
    for (let i = 0; i < params.length; i += 8) this.one.run(params.slice(i, i + 8));
    this.params = [];
  }
}

export class ChangeLog {
  private readonly insert: Statement;
  /** What was logged since the last `takeTouched`: the dispatcher turns it into a `changed` event. */
  private readonly touched = new TouchedSet();

  constructor(
    private readonly db: Db,
    private readonly deviceId: string,
    private readonly now: () => string,
  ) {
    this.insert = db.prepare(`${INSERT}${ROW}`);
  }

  /** A bulk appender for one write of many entries, all at the same time. */
  bulk(): BulkChanges {
    return new BulkChanges(this.db, this.now(), this.deviceId, this.touched);
  }

  record(
    entity: ChangeEntity,
    entityId: string,
    operation: ChangeOperation,
    oldValue: unknown,
    newValue: unknown,
  ): void {
    this.touched.note(entity, entityId, [oldValue, newValue]);
    this.insert.run(
      newId(),
      entity,
      entityId,
      operation,
      oldValue === null ? null : JSON.stringify(oldValue),
      newValue === null ? null : JSON.stringify(newValue),
      this.now(),
      this.deviceId,
    );
  }

  /** What was logged since the last call (kinds and owners), and forgets it. */
  takeTouched(): Touched {
    return this.touched.take();
  }

  /** Records an update, unless nothing actually changed. */
  recordUpdate(entity: ChangeEntity, entityId: string, before: object, after: object): void {
    if (JSON.stringify(before) !== JSON.stringify(after))
      this.record(entity, entityId, 'update', before, after);
  }

  /** Changes of one value, or of every value of a KPI, newest first. */
  valueHistory(kpiId: string, period: string | undefined): ChangeLogEntry[] {
    return valueEntries(this.db, kpiId, period, 'ORDER BY at DESC, id DESC').map(toEntry);
  }
}

/**
 * The entries of one value, or of every value of a KPI, read through the index: the KPI's
 * range of entity ids holds its single entries ('<kpi id>/<period>') and its packs
 * ('<kpi id>/'); only those packs are unfolded.
 */
export function valueEntries(
  db: Db,
  kpiId: string,
  period: string | undefined,
  order: string,
): ChangeRow[] {
  if (period === undefined)
    // '0' is the character after '/': the range ['<kpi id>/', '<kpi id>0') is exactly the KPI's.
    return db
      .prepare<[string, string], ChangeRow>(
        `SELECT * FROM (${entriesOf("entity = 'value' AND entity_id >= ? AND entity_id < ?")}) ${order}`,
      )
      .all(`${kpiId}/`, `${kpiId}0`);
  return db
    .prepare<[string, string, string], ChangeRow>(
      `SELECT * FROM (${entriesOf("entity = 'value' AND entity_id IN (?, ?)")})
       WHERE entity_id = ? ${order}`,
    )
    .all(valueEntityId(kpiId, period), `${kpiId}/`, valueEntityId(kpiId, period));
}

// Team sync's reads and appends (change-log-read.ts), where they have always been imported from.
export {
  changesAfter,
  changesByIds,
  changesOf,
  lastChangePosition,
  type RawChange,
} from './change-log-read';

/** Appends entries written elsewhere, as they were written (inside the caller's transaction). */
export function appendReceived(db: Db): (change: RawChange) => void {
  const insert = db.prepare(`${INSERT}${ROW}`);
  return (c) => {
    insert.run(c.id, c.entity, c.entityId, c.operation, c.oldJson, c.newJson, c.at, c.deviceId);
  };
}

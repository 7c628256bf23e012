import type { Statement } from 'better-sqlite3';
import type { ChangeEntity, ChangeLogEntry, ChangeOperation } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import { newId, newIdBlock } from './ids';

// The append-only change log: value history, audit trail, and later the unit of sync
// (ARCHITECTURE.md). Each store writes it inside the same transaction as the change itself;
// this class holds the only INSERT INTO change_log (a unit test checks the sources for others).

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
const INSERT = `INSERT INTO change_log ${COLUMNS} VALUES `;
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_SELECT = `INSERT INTO change_log ${COLUMNS}`;

/**
 * New values written in bulk, as one JSON text: an array of
 * `[kpiId, period, value, comment]` rows, or `[kpiId, period, value, comment, enteredBy,
 * enteredAt]` for a row with its own author and time. The value store inserts them with
 * `json_each` and so does `BulkChanges.valueInserts`: one bound parameter for a thousand rows.
 */
export type NewValueRowsJson = string;

/**
 * The entry of each new value, made by SQLite from the rows' JSON: its id (a block of
 * `newIdBlock`), `<kpi id>/<period>`, and the KpiValue record in valueJson's key order. The
 * value's JSON text is copied as written (`->`), so it parses back to the very same number.
 */
const VALUE_INSERTS = `${INSERT_SELECT}
  SELECT @prefix || printf('%012x', @first + e.key), 'value', (e.value ->> 0) || '/' || (e.value ->> 1),
    'insert', NULL,
    '{"kpiId":' || json_quote(e.value ->> 0) || ',"period":' || json_quote(e.value ->> 1) ||
    ',"value":' || (e.value -> 2) || ',"comment":' || json_quote(e.value ->> 3) ||
    ',"enteredBy":' || json_quote(coalesce(e.value ->> 4, @enteredBy)) ||
    ',"enteredAt":' || json_quote(coalesce(e.value ->> 5, @enteredAt)) || @source || '}',
    @at, @deviceId
  FROM json_each(@rows) AS e`;

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
   * One 'insert' entry per row of `rows` (`count` of them), in their order, after the entries
   * added before. `enteredBy` and `enteredAt` stand for rows that do not carry their own.
   */
  valueInserts(
    rows: NewValueRowsJson,
    count: number,
    entered: { by: string; at: string; source: string | null },
  ): void {
    if (count === 0) return;
    this.flush();
    this.touched.kind('value');
    this.valueInsertsStatement ??= this.db.prepare(VALUE_INSERTS);
    const { prefix, first } = newIdBlock(count);
    this.valueInsertsStatement.run({
      rows,
      prefix,
      first,
      enteredBy: entered.by,
      enteredAt: entered.at,
      // An import's file, kept with each entry for the audit trail (not part of the value).
      source: entered.source === null ? '' : `,"source":${JSON.stringify(entered.source)}`,
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
    // Value entity ids are '<kpi id>/<period>'; '0' is the character after '/', so the range
    // ['<kpi id>/', '<kpi id>0') is exactly the KPI's values and can use the index.
    const rows =
      period === undefined
        ? this.db
            .prepare<[string, string], ChangeRow>(
              `SELECT * FROM change_log
               WHERE entity = 'value' AND entity_id >= ? AND entity_id < ?
               ORDER BY at DESC, id DESC`,
            )
            .all(`${kpiId}/`, `${kpiId}0`)
        : this.db
            .prepare<[string], ChangeRow>(
              `SELECT * FROM change_log WHERE entity = 'value' AND entity_id = ?
               ORDER BY at DESC, id DESC`,
            )
            .all(valueEntityId(kpiId, period));
    return rows.map(toEntry);
  }
}

// Team sync reads the log in the order it was written and appends entries written on other
// laptops with their own ids, times and devices (electron/backend/sync/). Sync touches the log
// only through these, so a change of the table's shape stays in this file.

/** An entry as stored: the old and new values as JSON text. */
export interface RawChange {
  id: string;
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  oldJson: string | null;
  newJson: string | null;
  at: string;
  deviceId: string;
}

interface PositionedRow extends ChangeRow {
  position: number;
}

function toRaw(row: ChangeRow): RawChange {
  return {
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    oldJson: row.old_value,
    newJson: row.new_value,
    at: row.at,
    deviceId: row.device_id,
  };
}

/** Up to `limit` entries written after `position` (0: from the first), in writing order. */
export function changesAfter(
  db: Db,
  position: number,
  limit: number,
): { position: number; change: RawChange }[] {
  return db
    .prepare<[number, number], PositionedRow>(
      'SELECT rowid AS position, * FROM change_log WHERE rowid > ? ORDER BY rowid LIMIT ?',
    )
    .all(position, limit)
    .map((row) => ({ position: row.position, change: toRaw(row) }));
}

/** Every entry of one entity (a value's entity id is its natural key). */
export function changesOf(db: Db): (entity: string, entityId: string) => RawChange[] {
  const select = db.prepare<[string, string], ChangeRow>(
    'SELECT * FROM change_log WHERE entity = ? AND entity_id = ?',
  );
  return (entity, entityId) => select.all(entity, entityId).map(toRaw);
}

/** Appends entries written elsewhere, as they were written (inside the caller's transaction). */
export function appendReceived(db: Db): (change: RawChange) => void {
  const insert = db.prepare(`${INSERT}${ROW}`);
  return (c) => {
    insert.run(c.id, c.entity, c.entityId, c.operation, c.oldJson, c.newJson, c.at, c.deviceId);
  };
}

/** The position of the last entry written (0 for an empty log). */
export function lastChangePosition(db: Db): number {
  return (
    db
      .prepare<[], { position: number | null }>('SELECT max(rowid) AS position FROM change_log')
      .get()?.position ?? 0
  );
}

/** The entries with these ids, in no particular order (one query for a page of them). */
export function changesByIds(db: Db, ids: readonly string[]): RawChange[] {
  return db
    .prepare<[string], ChangeRow>(
      'SELECT * FROM change_log WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids))
    .map(toRaw);
}

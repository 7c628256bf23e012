import type { Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ChangeEntity, ChangeLogEntry, ChangeOperation } from '@shared/domain/entities';
import type { Db } from '../workspace/migrations';

// The append-only change log: value history, audit trail, and later the unit of sync
// (ARCHITECTURE.md). Callers write it inside the same transaction as the change itself.

export type { ChangeEntity };

/** A value's entity id in the log: its natural key. */
export function valueEntityId(kpiId: string, period: string): string {
  return `${kpiId}/${period}`;
}

interface ChangeRow {
  id: string;
  entity: string;
  entity_id: string;
  operation: ChangeOperation;
  old_value: string | null;
  new_value: string | null;
  at: string;
  device_id: string;
}

function toEntry(row: ChangeRow): ChangeLogEntry {
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

export class ChangeLog {
  private readonly insert: Statement;
  /** What was logged since the last `takeTouched`: the dispatcher turns it into a `changed` event. */
  private readonly touched = new Set<ChangeEntity>();

  constructor(
    private readonly db: Db,
    private readonly deviceId: string,
    private readonly now: () => string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO change_log (id, entity, entity_id, operation, old_value, new_value, at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(
    entity: ChangeEntity,
    entityId: string,
    operation: ChangeOperation,
    oldValue: unknown,
    newValue: unknown,
  ): void {
    this.touched.add(entity);
    this.insert.run(
      uuidv7(),
      entity,
      entityId,
      operation,
      oldValue === null ? null : JSON.stringify(oldValue),
      newValue === null ? null : JSON.stringify(newValue),
      this.now(),
      this.deviceId,
    );
  }

  /** The entity kinds logged since the last call, and forgets them. */
  takeTouched(): ChangeEntity[] {
    const kinds = [...this.touched];
    this.touched.clear();
    return kinds;
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

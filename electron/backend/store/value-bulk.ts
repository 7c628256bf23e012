import type { Statement } from 'better-sqlite3';
import type { KpiValue } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import type { BulkChanges, ChangeLog } from './change-log';

// The bulk write path of values (imports, packages): new values a hundred to a statement with
// one change-log entry each, appended a hundred to a statement as well; a replaced value is
// written at once with its old and new record. One million values log one million entries,
// so the entry's JSON is built by concatenation, its fixed tail once per import, and ids come
// from the fast UUIDv7 of ./ids. `flush` before reading values back or committing.

const ROWS = 100;
const COLUMNS = 6;
const INSERT = 'INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)';

/** JSON of a number: what JSON.stringify writes (values are finite; -0 is 0). */
const numberJson = (value: number): string => (Object.is(value, -0) ? '0' : String(value));

/** A value as the change log holds it: the KpiValue record, keys in its order. */
export function valueJson(value: KpiValue): string {
  return `{"kpiId":${JSON.stringify(value.kpiId)},"period":${JSON.stringify(value.period)},"value":${numberJson(value.value)},"comment":${JSON.stringify(value.comment)},"enteredBy":${JSON.stringify(value.enteredBy)},"enteredAt":${JSON.stringify(value.enteredAt)}}`;
}

export class BulkValueWriter {
  private readonly one: Statement;
  private readonly many: Statement;
  private readonly upsert: Statement;
  private readonly log: BulkChanges;
  private params: unknown[] = [];
  /** `,"enteredBy":…,"enteredAt":…}`: the same for every value of this writer. */
  private readonly tail: string;

  constructor(
    db: Db,
    changes: ChangeLog,
    private readonly enteredBy: string,
    private readonly enteredAt: string,
  ) {
    this.one = db.prepare(`${INSERT} VALUES (?, ?, ?, ?, ?, ?)`);
    this.many = db.prepare(
      `${INSERT} VALUES ${Array.from({ length: ROWS }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.upsert = db.prepare(
      `${INSERT} VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
         comment = excluded.comment, entered_by = excluded.entered_by,
         entered_at = excluded.entered_at`,
    );
    this.log = changes.bulk();
    this.tail = `,"enteredBy":${JSON.stringify(enteredBy)},"enteredAt":${JSON.stringify(enteredAt)}}`;
  }

  /** A value of a (KPI, period) with none stored: the caller knows, nothing is looked up. */
  insert(kpiId: string, period: string, value: number, comment: string): void {
    this.log.add(
      'value',
      `${kpiId}/${period}`,
      'insert',
      null,
      `{"kpiId":${JSON.stringify(kpiId)},"period":${JSON.stringify(period)},"value":${numberJson(value)},"comment":${JSON.stringify(comment)}${this.tail}`,
    );
    const { params } = this;
    params.push(kpiId, period, value, comment, this.enteredBy, this.enteredAt);
    if (params.length === ROWS * COLUMNS) {
      this.many.run(params);
      this.params = [];
    }
  }

  /** A value as it was recorded elsewhere (a package), with its own author and time. */
  insertRecord(record: KpiValue): void {
    this.log.add('value', `${record.kpiId}/${record.period}`, 'insert', null, valueJson(record));
    this.params.push(
      record.kpiId,
      record.period,
      record.value,
      record.comment,
      record.enteredBy,
      record.enteredAt,
    );
    if (this.params.length === ROWS * COLUMNS) {
      this.many.run(this.params);
      this.params = [];
    }
  }

  /** Replaces a stored value; `comment` null keeps the stored one. */
  replace(before: KpiValue, value: number, comment: string | null): KpiValue {
    const after: KpiValue = {
      kpiId: before.kpiId,
      period: before.period,
      value,
      comment: comment ?? before.comment,
      enteredBy: this.enteredBy,
      enteredAt: this.enteredAt,
    };
    this.upsert.run(
      after.kpiId,
      after.period,
      after.value,
      after.comment,
      after.enteredBy,
      after.enteredAt,
    );
    this.log.add(
      'value',
      `${after.kpiId}/${after.period}`,
      'update',
      valueJson(before),
      valueJson(after),
    );
    return after;
  }

  flush(): void {
    const { params } = this;
    for (let i = 0; i < params.length; i += COLUMNS) this.one.run(params.slice(i, i + COLUMNS));
    this.params = [];
    this.log.flush();
  }
}

import type { Statement } from 'better-sqlite3';
import type { KpiValue } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import type { BulkChanges, ChangeLog } from './change-log';

// The bulk write path of values (imports, packages): new values up to a thousand at a time,
// each with its change-log entry, and a replaced value written at once with its old and new
// record. One million values log one million entries, so a run of one KPI's new values is
// logged as one JSON text (store/change-log.ts, NewValueRowsJson): the KPI's pack, which the
// change log's view unfolds into one entry per value (workspace/change-log-packs.ts). The
// values themselves go in a hundred to a statement with bound parameters, which measured about
// a third faster than SQLite reading them back out of the JSON text with json_each.
// `flush` before reading values back or committing.

const ROWS = 1000;
/** Values per multi-row INSERT. */
const PER_STATEMENT = 100;
const COLUMNS = 6;
const INSERT = 'INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)';
const ROW = '(?, ?, ?, ?, ?, ?)';

/** JSON of a number: what JSON.stringify writes (values are finite; -0 is 0). */
const numberJson = (value: number): string => (Object.is(value, -0) ? '0' : String(value));

/**
 * A value as the change log holds it: the KpiValue record, keys in its order (an import's
 * entries add the file's name as `source`, which is not part of the value).
 */
export function valueJson(value: KpiValue): string {
  return `{"kpiId":${JSON.stringify(value.kpiId)},"period":${JSON.stringify(value.period)},"value":${numberJson(value.value)},"comment":${JSON.stringify(value.comment)},"enteredBy":${JSON.stringify(value.enteredBy)},"enteredAt":${JSON.stringify(value.enteredAt)}}`;
}

export class BulkValueWriter {
  private readonly insertMany: Statement;
  private readonly insertOne: Statement;
  private readonly upsert: Statement;
  private readonly log: BulkChanges;
  /** New values of `kpiId` not yet written, each a JSON array (NewValueRowsJson's rows). */
  private rows: string[] = [];
  /** The same values as bound parameters, COLUMNS to a value. */
  private params: (string | number)[] = [];
  private kpiId = '';

  /** `,"source":"sales.csv"` when the values come from a file (the audit trail names it). */
  private readonly sourceJson: string;

  constructor(
    db: Db,
    changes: ChangeLog,
    private readonly enteredBy: string,
    private readonly enteredAt: string,
    private readonly source: string | null = null,
  ) {
    this.insertMany = db.prepare(
      `${INSERT} VALUES ${Array.from({ length: PER_STATEMENT }, () => ROW).join(', ')}`,
    );
    this.insertOne = db.prepare(`${INSERT} VALUES ${ROW}`);
    this.upsert = db.prepare(
      `${INSERT} VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
         comment = excluded.comment, entered_by = excluded.entered_by,
         entered_at = excluded.entered_at`,
    );
    this.log = changes.bulk();
    this.sourceJson = source === null ? '' : `,"source":${JSON.stringify(source)}`;
  }

  /**
   * Rows come a KPI at a time (callers sort them): a new KPI writes the last one's run first.
   * `row` is the value's JSON for the pack; `value` its columns, bound as they are.
   */
  private push(row: string, value: KpiValue): void {
    if (value.kpiId !== this.kpiId) {
      this.writeRows();
      this.kpiId = value.kpiId;
      this.log.valuesOf(value.kpiId);
    }
    this.rows.push(row);
    // -0 is stored as 0, as its JSON in the log says.
    this.params.push(
      value.kpiId,
      value.period,
      value.value === 0 ? 0 : value.value,
      value.comment,
      value.enteredBy,
      value.enteredAt,
    );
    if (this.rows.length === ROWS) this.writeRows();
  }

  /** A value of a (KPI, period) with none stored: the caller knows, nothing is looked up. */
  insert(kpiId: string, period: string, value: number, comment: string): void {
    this.push(
      `[${JSON.stringify(period)},${numberJson(value)},${comment === '' ? '""' : JSON.stringify(comment)}]`,
      { kpiId, period, value, comment, enteredBy: this.enteredBy, enteredAt: this.enteredAt },
    );
  }

  /** A value as it was recorded elsewhere (a package), with its own author and time. */
  insertRecord(record: KpiValue): void {
    this.push(
      `[${JSON.stringify(record.period)},${numberJson(record.value)},${JSON.stringify(record.comment)},${JSON.stringify(record.enteredBy)},${JSON.stringify(record.enteredAt)}]`,
      record,
    );
  }

  private writeRows(): void {
    const count = this.rows.length;
    if (count === 0) return;
    const rows = `[${this.rows.join(',')}]`;
    this.rows = [];
    const { params } = this;
    this.params = [];
    const whole = count - (count % PER_STATEMENT);
    for (let at = 0; at < whole * COLUMNS; at += PER_STATEMENT * COLUMNS)
      this.insertMany.run(params.slice(at, at + PER_STATEMENT * COLUMNS));
    for (let at = whole * COLUMNS; at < params.length; at += COLUMNS)
      this.insertOne.run(params.slice(at, at + COLUMNS));
    const entered = { by: this.enteredBy, at: this.enteredAt, source: this.source };
    this.log.valueInserts(this.kpiId, rows, count, entered);
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
      `${valueJson(after).slice(0, -1)}${this.sourceJson}}`,
    );
    return after;
  }

  flush(): void {
    this.writeRows();
    this.log.flush();
  }
}

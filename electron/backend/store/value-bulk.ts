import type { Statement } from 'better-sqlite3';
import type { KpiValue } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';
import type { BulkChanges, ChangeLog } from './change-log';

// The bulk write path of values (imports, packages): new values up to a thousand at a time,
// each with its change-log entry, and a replaced value written at once with its old and new
// record. One million values log one million entries, so a run of one KPI's new values crosses
// into SQLite as one JSON text (store/change-log.ts, NewValueRowsJson) rather than as six bound
// parameters each: SQLite inserts the values from it with json_each, and the change log keeps
// the same text as the KPI's pack, which its view unfolds into one entry per value
// (workspace/change-log-packs.ts). `flush` before reading values back or committing.

const ROWS = 1000;
const INSERT = 'INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)';
const INSERT_ROWS = `${INSERT}
  SELECT @kpiId, e.value ->> 0, e.value ->> 1, e.value ->> 2,
    coalesce(e.value ->> 3, @enteredBy), coalesce(e.value ->> 4, @enteredAt)
  FROM json_each(@rows) AS e`;

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
  private readonly insertRows: Statement;
  private readonly upsert: Statement;
  private readonly log: BulkChanges;
  /** New values of `kpiId` not yet written, each a JSON array (NewValueRowsJson's rows). */
  private rows: string[] = [];
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
    this.insertRows = db.prepare(INSERT_ROWS);
    this.upsert = db.prepare(
      `${INSERT} VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
         comment = excluded.comment, entered_by = excluded.entered_by,
         entered_at = excluded.entered_at`,
    );
    this.log = changes.bulk();
    this.sourceJson = source === null ? '' : `,"source":${JSON.stringify(source)}`;
  }

  /** Rows come a KPI at a time (callers sort them): a new KPI writes the last one's run. */
  private push(kpiId: string, row: string): void {
    if (kpiId !== this.kpiId) {
      this.writeRows();
      this.kpiId = kpiId;
      this.log.valuesOf(kpiId);
    }
    this.rows.push(row);
    if (this.rows.length === ROWS) this.writeRows();
  }

  /** A value of a (KPI, period) with none stored: the caller knows, nothing is looked up. */
  insert(kpiId: string, period: string, value: number, comment: string): void {
    this.push(
      kpiId,
      `[${JSON.stringify(period)},${numberJson(value)},${comment === '' ? '""' : JSON.stringify(comment)}]`,
    );
  }

  /** A value as it was recorded elsewhere (a package), with its own author and time. */
  insertRecord(record: KpiValue): void {
    this.push(
      record.kpiId,
      `[${JSON.stringify(record.period)},${numberJson(record.value)},${JSON.stringify(record.comment)},${JSON.stringify(record.enteredBy)},${JSON.stringify(record.enteredAt)}]`,
    );
  }

  private writeRows(): void {
    const count = this.rows.length;
    if (count === 0) return;
    const rows = `[${this.rows.join(',')}]`;
    this.rows = [];
    const entered = { by: this.enteredBy, at: this.enteredAt, source: this.source };
    this.insertRows.run({ kpiId: this.kpiId, rows, enteredBy: entered.by, enteredAt: entered.at });
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

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
// a third faster than SQLite reading them back out of the JSON text with json_each; what the
// hundred share (the KPI, and for an import's values their author and time) is bound once per
// statement, not per value: binding those long texts a hundred times cost about a third of
// the inserts' time (micro-benchmark of a million values: 1.1 s against 1.7 s of CPU).
// `flush` before reading values back, `finish` before reading the log or committing.
//
// An import may ask for its packs to be held open across flushes (`holdPacks`): a file ordered
// by period (a workbook with the KPIs across) gives each KPI a few values per batch it reads,
// and a pack per KPI per batch made ten thousand small packs for the bench's 100,000-row
// workbook, each a row, an index entry and a JSON text to check. Held, a KPI's values of the
// whole import are one pack (up to a thousand). Its values are still written at each flush,
// while the file is being read; only their log entries come later. What that changes: the
// import's entries are in the log KPI by KPI instead of batch by batch (the audit trail lists
// them so, all at the import's one time). What it keeps: one entry per value, each KPI's
// entries in the order its values were written (its history), and an import writes a (KPI,
// period) once, so no value's entries change places; sync sends the whole import or nothing.

const ROWS = 1000;
/**
 * An import's log rows held in open packs at most: past it they are all logged (a bound on the
 * memory they take, about 25 bytes a value).
 */
export const HELD_ROWS = 262_144;
/**
 * A run of at least this many values of one KPI is logged as it is written, unless the KPI has
 * a held pack to join: held rows are kept strings, and a file with whole runs per KPI (a CSV
 * sorted by KPI) would only pay for keeping them (in the bench's million-row CSV, about 2 s of
 * the garbage collector's time) and gain no fewer packs.
 */
const HOLD_BELOW = 100;
/** Values per multi-row INSERT. */
const PER_STATEMENT = 100;
const INSERT = 'INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)';

/** How a statement's rows get their columns: what is bound per row, what once for all. */
type RowShape = 'plain' | 'commented' | 'records';
const ROW_SQL: Record<RowShape, string> = {
  // An import's values with no comment: only the period and the number differ.
  plain: "(@kpi, ?, ?, '', @by, @at)",
  commented: '(@kpi, ?, ?, ?, @by, @at)',
  // A package's records, each with its own author and time.
  records: '(@kpi, ?, ?, ?, ?, ?)',
};

/** A value's two decimals as its JSON ends in them: 50 is ".5", 5 is ".05" (0 is never used). */
const CENTS_TEXT: readonly string[] = Array.from({ length: 100 }, (_, cents) =>
  cents % 10 === 0 ? `.${String(cents / 10)}` : `.${String(cents).padStart(2, '0')}`,
);

/**
 * JSON of a number: what JSON.stringify writes (values are finite; -0 is 0). Most values in
 * files have at most two decimals; for those the text is put together from the whole part and
 * one of a hundred ready endings, about four times faster than the number-to-text conversion
 * (a million values: 0.07 s against 0.27 s). It is the same text: when the two-decimal reading
 * gives the very same double, it has at most 15 digits, and no shorter text gives that double,
 * so it is the shortest one, which is what String writes.
 */
export function numberJson(value: number): string {
  if (Number.isInteger(value)) return Object.is(value, -0) ? '0' : String(value);
  const cents = Math.round(value * 100);
  if (cents / 100 !== value || Math.abs(cents) >= 1e15) return String(value);
  const whole = Math.abs(cents);
  const fraction = whole % 100;
  const text = `${String((whole - fraction) / 100)}${CENTS_TEXT[fraction] as string}`;
  return cents < 0 ? `-${text}` : text;
}

/**
 * A value as the change log holds it: the KpiValue record, keys in its order (an import's
 * entries add the file's name as `source`, which is not part of the value).
 */
export function valueJson(value: KpiValue): string {
  return `{"kpiId":${JSON.stringify(value.kpiId)},"period":${JSON.stringify(value.period)},"value":${numberJson(value.value)},"comment":${JSON.stringify(value.comment)},"enteredBy":${JSON.stringify(value.enteredBy)},"enteredAt":${JSON.stringify(value.enteredAt)}}`;
}

export class BulkValueWriter {
  private readonly db: Db;
  /** Prepared INSERTs by shape and number of rows, made when first needed. */
  private readonly statements = new Map<string, Statement>();
  private readonly upsert: Statement;
  private readonly log: BulkChanges;
  /** New values of `kpiId` not yet written, as columns. */
  private periods: string[] = [];
  private values: number[] = [];
  private comments: string[] = [];
  /** Per value, its record when it has its own author and time (a package's), else null. */
  private records: (KpiValue | null)[] = [];
  /** The pack's JSON text of those values so far (NewValueRowsJson's rows, comma-joined). */
  private rows = '';
  private kpiId = '';

  /** `,"source":"sales.csv"` when the values come from a file (the audit trail names it). */
  private readonly sourceJson: string;
  /** With `holdPacks`: per KPI, the log rows of its values written but not yet logged. */
  private readonly open: Map<string, { rows: string; count: number }> | null;
  private heldRows = 0;
  private readonly heldLimit: number;

  constructor(
    db: Db,
    changes: ChangeLog,
    private readonly enteredBy: string,
    private readonly enteredAt: string,
    private readonly source: string | null = null,
    /** Packs held open across flushes, up to this many rows in all (HELD_ROWS for an import). */
    holdPacks: { upTo: number } | null = null,
  ) {
    this.open = holdPacks ? new Map() : null;
    this.heldLimit = holdPacks?.upTo ?? 0;
    this.db = db;
    this.upsert = db.prepare(
      `${INSERT} VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
         comment = excluded.comment, entered_by = excluded.entered_by,
         entered_at = excluded.entered_at`,
    );
    this.log = changes.bulk();
    this.sourceJson = source === null ? '' : `,"source":${JSON.stringify(source)}`;
  }

  /** Rows come a KPI at a time (callers sort them): a new KPI writes the last one's run first. */
  private push(
    kpiId: string,
    period: string,
    value: number,
    comment: string,
    record: KpiValue | null,
    row: string,
  ): void {
    if (kpiId !== this.kpiId) {
      this.writeRows();
      this.kpiId = kpiId;
      this.log.valuesOf(kpiId);
    }
    this.rows = this.periods.length === 0 ? row : `${this.rows},${row}`;
    this.periods.push(period);
    // -0 is stored as 0, as its JSON in the log says.
    this.values.push(value === 0 ? 0 : value);
    this.comments.push(comment);
    this.records.push(record);
    if (this.periods.length === ROWS) this.writeRows();
  }

  /**
   * A value of a (KPI, period) with none stored: the caller knows, nothing is looked up.
   * `periodJson` is the period as JSON text, for a caller that has it made already.
   */
  insert(
    kpiId: string,
    period: string,
    value: number,
    comment: string,
    periodJson = JSON.stringify(period),
  ): void {
    this.push(
      kpiId,
      period,
      value,
      comment,
      null,
      `[${periodJson},${numberJson(value)},${comment === '' ? '""' : JSON.stringify(comment)}]`,
    );
  }

  /** A value as it was recorded elsewhere (a package), with its own author and time. */
  insertRecord(record: KpiValue): void {
    this.push(
      record.kpiId,
      record.period,
      record.value,
      record.comment,
      record,
      `[${JSON.stringify(record.period)},${numberJson(record.value)},${JSON.stringify(record.comment)},${JSON.stringify(record.enteredBy)},${JSON.stringify(record.enteredAt)}]`,
    );
  }

  private statement(shape: RowShape, count: number): Statement {
    const key = `${shape} ${count}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `${INSERT} VALUES ${Array.from({ length: count }, () => ROW_SQL[shape]).join(', ')}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Inserts rows `from` to `to` of the run with one statement. */
  private insertRows(from: number, to: number): void {
    const { periods, values, comments, records } = this;
    let shape: RowShape = 'plain';
    for (let i = from; i < to; i += 1) {
      if (records[i] !== null) {
        shape = 'records';
        break;
      }
      if (comments[i] !== '') shape = 'commented';
    }
    const params: (string | number)[] = [];
    for (let i = from; i < to; i += 1) {
      params.push(periods[i] as string, values[i] as number);
      if (shape === 'plain') continue;
      params.push(comments[i] as string);
      if (shape === 'commented') continue;
      const record = records[i] ?? null;
      params.push(record?.enteredBy ?? this.enteredBy, record?.enteredAt ?? this.enteredAt);
    }
    this.statement(shape, to - from).run(params, {
      kpi: this.kpiId,
      ...(shape === 'records' ? {} : { by: this.enteredBy, at: this.enteredAt }),
    });
  }

  private writeRows(): void {
    const count = this.periods.length;
    if (count === 0) return;
    for (let at = 0; at < count; at += PER_STATEMENT)
      this.insertRows(at, Math.min(count, at + PER_STATEMENT));
    const { kpiId, rows } = this;
    this.periods = [];
    this.values = [];
    this.comments = [];
    this.records = [];
    this.rows = '';
    if (this.open === null) {
      this.logPack(kpiId, rows, count);
      return;
    }
    const pack = this.open.get(kpiId);
    if (pack && pack.count + count <= ROWS) {
      pack.rows = `${pack.rows},${rows}`;
      pack.count += count;
    } else {
      // The KPI's held values go first: its entries stay in the order they were written.
      if (pack) {
        this.logPack(kpiId, pack.rows, pack.count);
        this.heldRows -= pack.count;
        this.open.delete(kpiId);
      }
      if (count >= HOLD_BELOW) {
        this.logPack(kpiId, rows, count);
        return;
      }
      this.open.set(kpiId, { rows, count });
    }
    this.heldRows += count;
    if (this.heldRows > this.heldLimit) this.logHeldPacks();
  }

  private logPack(kpiId: string, rows: string, count: number): void {
    const entered = { by: this.enteredBy, at: this.enteredAt, source: this.source };
    this.log.valueInserts(kpiId, `[${rows}]`, count, entered);
  }

  /** Logs every held pack, in the order they were opened. */
  private logHeldPacks(): void {
    if (this.open === null) return;
    for (const [kpiId, pack] of this.open) this.logPack(kpiId, pack.rows, pack.count);
    this.open.clear();
    this.heldRows = 0;
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

  /** Writes the values given so far (their log entries too, unless packs are held). */
  flush(): void {
    this.writeRows();
    this.log.flush();
  }

  /** Writes the values given so far and logs every one of them. */
  finish(): void {
    this.writeRows();
    this.logHeldPacks();
    this.log.flush();
  }
}

import type { Statement } from 'better-sqlite3';
import { kpiDefinitionFields } from '@shared/api/schemas';
import type { Frequency } from '@shared/domain/kpi';
import {
  SUMMARY_LIST_LIMIT,
  type ImportResult,
  type ImportSummary,
} from '@shared/transfer/import-status';
import { looseName, type MatchableKpi } from '@shared/transfer/kpi-matcher';
import { describeCell, type SourceLocation } from '@shared/transfer/table';
import type { ImportProblem, UnknownKpiName } from '@shared/transfer/value-rows';
import { addKpi } from '../../services/kpi';
import type { ChangeLog } from '../../store/change-log';
import { BulkValueWriter } from '../../store/value-bulk';
import type { Db } from '../../workspace/connection';
import type { ReadBatch } from './reader-thread';

// An import, written as it is read, inside one transaction that stays open until the user has
// seen the dry run: applying is then just COMMIT, cancelling ROLLBACK, and a crash before the
// commit is rolled back by SQLite. This is safe because the file is lent to the import alone
// (the backend answers BUSY meanwhile), and it reads and writes each value once. Values go
// through the bulk write path (store/value-bulk.ts): one change-log entry per value written.

export interface ImportWriterOptions {
  db: Db;
  changes: ChangeLog;
  kpis: readonly MatchableKpi[];
  location: SourceLocation;
  enteredBy: string;
  enteredAt: string;
  newKpis: { objectiveId: string; frequency: Frequency } | null;
}

interface Stored {
  value: number;
  comment: string;
  entered_by: string;
  entered_at: string;
}

/** Sort keys: KPI slot, then period slot, then the row's place in its batch (exact below 2^53). */
const PERIOD_SLOTS = 1_048_576;
const ROW_SLOTS = 65_536;

/** Values of the current batch as parallel columns, until they are written in key order. */
function emptyPending() {
  return {
    slot: [] as number[],
    kpiId: [] as string[],
    name: [] as string[],
    period: [] as string[],
    value: [] as number[],
    comment: [] as (string | null)[],
  };
}

export class ImportWriter {
  private readonly db: Db;
  private readonly stored: Statement<[string, string], Stored>;
  private readonly storedSpan: Statement<[string, string, string], Stored & { period: string }>;
  private readonly values: BulkValueWriter;
  /** New values of the current batch (parallel columns), written in key order at its end. */
  private pending = emptyPending();
  /**
   * Line where each (KPI, period) was first given: per KPI slot, an array indexed by period
   * slot (0: not yet). Array lookups, not a million-key hash map.
   */
  private readonly seenLines: Int32Array[] = [];
  private readonly kpiSlots = new Map<string, number>();
  private readonly periodSlots = new Map<string, number>();
  /** KPIs with stored values when the import began; the others need no comparison. */
  private readonly hasStored: Set<string>;
  private readonly kpiNames: Map<string, string>;
  private readonly createdKpis = new Map<string, string>();
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  private readonly counts = { newValues: 0, changedValues: 0, unchangedValues: 0 };
  private readonly changeSample: ImportSummary['changes'] = [];

  constructor(private readonly options: ImportWriterOptions) {
    this.db = options.db;
    this.kpiNames = new Map(options.kpis.map((kpi) => [kpi.id, kpi.name]));
    this.stored = this.db.prepare(
      'SELECT value, comment, entered_by, entered_at FROM kpi_values WHERE kpi_id = ? AND period = ?',
    );
    this.storedSpan = this.db.prepare(
      `SELECT period, value, comment, entered_by, entered_at FROM kpi_values
       WHERE kpi_id = ? AND period BETWEEN ? AND ?`,
    );
    this.values = new BulkValueWriter(
      this.db,
      options.changes,
      options.enteredBy,
      options.enteredAt,
    );
    // Every KPI id written here was read from this connection inside this exclusive
    // transaction, and new KPIs are made through createKpi, which checks their objective: the
    // per-row foreign-key lookups would prove nothing and cost a third of the time. A larger
    // page cache keeps a big import's pages in memory until commit.
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -65536');
    this.db.exec('BEGIN IMMEDIATE');
    // One index seek per KPI, rather than a scan of every stored value.
    const anyStored = this.db
      .prepare<[string], number>('SELECT 1 FROM kpi_values WHERE kpi_id = ? LIMIT 1')
      .pluck();
    this.hasStored = new Set(
      options.kpis.filter((kpi) => anyStored.get(kpi.id) !== undefined).map((kpi) => kpi.id),
    );
  }

  private slotOf(map: Map<string, number>, key: string): number {
    let slot = map.get(key);
    if (slot === undefined) {
      slot = map.size;
      map.set(key, slot);
    }
    return slot;
  }

  /** Writes one batch from the reader (still uncommitted). */
  add(batch: ReadBatch): void {
    for (const problem of batch.problems) this.problem(problem);
    batch.forEachValue((kpiId, period, value, comment, line) => {
      this.write(kpiId, this.kpiNames.get(kpiId) ?? '', period, value, comment, line);
    });
    for (const entry of batch.newKpiValues) {
      const kpiId = this.newKpiId(entry.name);
      if (kpiId !== null)
        this.write(kpiId, entry.name, entry.period, entry.value, entry.comment, entry.line);
    }
    this.flushInserts();
  }

  private newKpiId(name: string): string | null {
    const { newKpis } = this.options;
    if (newKpis === null) return null;
    const key = looseName(name);
    let id = this.createdKpis.get(key);
    if (id === undefined) {
      id = addKpi(
        { db: this.db, changes: this.options.changes },
        {
          ...kpiDefinitionFields.parse({ name, frequency: newKpis.frequency }),
          objectiveId: newKpis.objectiveId,
          parentKpiId: null,
        },
      ).id;
      this.createdKpis.set(key, id);
    }
    return id;
  }

  private write(
    kpiId: string,
    name: string,
    period: string,
    value: number,
    comment: string | null,
    line: number,
  ): void {
    const kpiSlot = this.slotOf(this.kpiSlots, kpiId);
    const periodSlot = this.slotOf(this.periodSlots, period);
    let lines = this.seenLines[kpiSlot];
    if (!lines || lines.length <= periodSlot) {
      const grown = new Int32Array(Math.max(64, (periodSlot + 1) * 2));
      if (lines) grown.set(lines);
      lines = grown;
      this.seenLines[kpiSlot] = grown;
    }
    const firstLine = lines[periodSlot] ?? 0;
    if (firstLine !== 0) {
      this.flushInserts();
      // The first one is stored by now (or was already equal to the stored value).
      const first = this.stored.get(kpiId, period)?.value;
      // The same value twice is harmless; two different values for one period are a mistake.
      if (first !== value)
        this.problem({
          line,
          where: describeCell(this.options.location, line, null),
          message: `${name} for ${period} is already given at ${describeCell(this.options.location, firstLine, null)} (${String(first)}); this one is left out`,
        });
      return;
    }
    lines[periodSlot] = line;
    const { pending } = this;
    pending.slot.push(kpiSlot * PERIOD_SLOTS + periodSlot);
    pending.kpiId.push(kpiId);
    pending.name.push(name);
    pending.period.push(period);
    pending.value.push(value);
    pending.comment.push(comment);
    if (pending.kpiId.length === ROW_SLOTS) this.flushInserts();
  }

  /** A value that replaces a stored one: written at once, with its history. */
  private replace(
    name: string,
    kpiId: string,
    period: string,
    value: number,
    comment: string | null,
    before: Stored,
  ): void {
    this.values.replace(
      {
        kpiId,
        period,
        value: before.value,
        comment: before.comment,
        enteredBy: before.entered_by,
        enteredAt: before.entered_at,
      },
      value,
      comment,
    );
    this.counts.changedValues += 1;
    if (this.changeSample.length < SUMMARY_LIST_LIMIT)
      this.changeSample.push({
        kpiName: name,
        period,
        oldValue: before.value,
        newValue: value,
        oldComment: before.comment,
        newComment: comment,
      });
  }

  /**
   * Writes the batch's new values in key order, a hundred to a statement: a file ordered by
   * period (or a wide one) would otherwise land all over the table's B-tree, a page per value.
   */
  private flushInserts(): void {
    const rows = this.pending;
    const count = rows.kpiId.length;
    if (count === 0) return;
    this.pending = emptyPending();
    // One number per row, KPI and period slots above the row's index: a numeric sort groups
    // each KPI's values together, with no string comparisons. Looking up stored values in
    // this order is as local as writing them.
    const order = new Float64Array(count);
    for (let i = 0; i < count; i += 1)
      order[i] = (rows.slot[i] as number) * ROW_SLOTS + (i % ROW_SLOTS);
    order.sort();
    for (let start = 0; start < count;) {
      // The rows of one KPI are together now; its stored values in their span of periods
      // come in one range read rather than a look-up each.
      const kpiId = rows.kpiId[(order[start] as number) % ROW_SLOTS] as string;
      let end = start;
      let low: string | null = null;
      let high: string | null = null;
      for (; end < count; end += 1) {
        const i = (order[end] as number) % ROW_SLOTS;
        if (rows.kpiId[i] !== kpiId) break;
        const period = rows.period[i] as string;
        if (low === null || period < low) low = period;
        if (high === null || period > high) high = period;
      }
      // A KPI with no stored values needs no look: every value is new.
      const stored =
        this.hasStored.has(kpiId) && low !== null && high !== null
          ? new Map(this.storedSpan.all(kpiId, low, high).map((row) => [row.period, row]))
          : null;
      for (let at = start; at < end; at += 1) {
        const i = (order[at] as number) % ROW_SLOTS;
        const period = rows.period[i] as string;
        const value = rows.value[i] as number;
        const comment = rows.comment[i] ?? null;
        const before = stored?.get(period);
        if (before) {
          if (before.value === value && (comment === null || comment === before.comment))
            this.counts.unchangedValues += 1;
          else this.replace(rows.name[i] as string, kpiId, period, value, comment, before);
          continue;
        }
        this.counts.newValues += 1;
        this.values.insert(kpiId, period, value, comment ?? '');
      }
      start = end;
    }
    this.values.flush();
  }

  summary(unknownKpis: readonly UnknownKpiName[]): ImportSummary {
    return {
      ...this.counts,
      problemCount: this.problemCount,
      problems: [...this.problems].sort((a, b) => a.line - b.line),
      changes: this.changeSample,
      unknownKpis: unknownKpis.slice(0, SUMMARY_LIST_LIMIT),
      kpisToCreate: this.createdKpis.size,
    };
  }

  /** Makes the import permanent (every value it wrote has its own history entry). */
  commit(): ImportResult {
    const result: ImportResult = {
      inserted: this.counts.newValues,
      updated: this.counts.changedValues,
      unchanged: this.counts.unchangedValues,
      kpisCreated: this.createdKpis.size,
    };
    this.db.exec('COMMIT');
    return result;
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private problem(problem: ImportProblem): void {
    this.problemCount += 1;
    if (this.problems.length < SUMMARY_LIST_LIMIT) this.problems.push(problem);
  }
}

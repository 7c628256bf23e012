import type { Statement } from 'better-sqlite3';
import { kpiDefinitionFields } from '@shared/api/schemas';
import type { Frequency } from '@shared/domain/kpi';
import {
  SUMMARY_LIST_LIMIT,
  type ImportFlag,
  type ImportResult,
  type ImportSummary,
  type NewValue,
} from '@shared/transfer/import-status';
import {
  emptyPercentTally,
  looksLikeFractions,
  magnitudeFactor,
  tallyPercent,
  typicalMagnitude,
  type PercentTally,
} from '@shared/transfer/import-flags';
import { looseName, type MatchableKpi } from '@shared/transfer/kpi-matcher';
import { describeCell, type SourceLocation } from '@shared/transfer/table';
import type { ImportProblem, UnknownKpiName } from '@shared/transfer/value-rows';
import { addKpi } from '../../services/kpi';
import type { ChangeLog } from '../../store/change-log';
import { BulkValueWriter, HELD_ROWS } from '../../store/value-bulk';
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
  /** The import's list of KPIs: the batches name KPIs by their index in it. */
  kpis: readonly MatchableKpi[];
  location: SourceLocation;
  enteredBy: string;
  enteredAt: string;
  /** The file's name, kept with each change-log entry (the audit trail's "from sales.csv"). */
  source?: string | null;
  newKpis: { objectiveId: string; frequency: Frequency } | null;
  /** Percent KPIs whose values the file writes as fractions: 0.915 is stored as 91.5. */
  fractionsAsPercent?: ReadonlySet<string>;
}

/** How many of each KPI's first new values the dry run lists. */
const NEW_SAMPLE_PER_KPI = 5;
/** How many recent stored values say what is typical for a KPI. */
const HISTORY_VALUES = 12;

/** What the dry run says about one KPI of the file. */
interface KpiTally {
  kpiId: string;
  name: string;
  newValues: number;
  changedValues: number;
  unchangedValues: number;
  /** Median magnitude of its stored values before the import; null when none. */
  typical: number | null;
  magnitude: { count: number; period: string; value: number; factor: number } | null;
  percent: PercentTally | null;
}

interface Stored {
  value: number;
  comment: string;
  entered_by: string;
  entered_at: string;
}

/**
 * Sort keys: KPI slot, then period index, then the row's place among the pending values (exact
 * below 2^53). A KPI's slot is its index in the import's list, or after the list for a KPI the
 * import creates.
 */
const PERIOD_SLOTS = 1_048_576;
const ROW_SLOTS = 65_536;

/**
 * The first `count` rows' indices in ascending order of their keys: one number per row, its
 * key above its index (exact below 2^53), so a numeric sort groups each KPI's values together
 * with no string comparisons.
 */
export function sortedRows(keys: Float64Array, count: number): Int32Array {
  const order = new Float64Array(count);
  for (let i = 0; i < count; i += 1) order[i] = (keys[i] as number) * ROW_SLOTS + i;
  order.sort();
  const rows = new Int32Array(count);
  for (let at = 0; at < count; at += 1) {
    const entry = order[at] as number;
    rows[at] = entry - Math.floor(entry / ROW_SLOTS) * ROW_SLOTS;
  }
  return rows;
}

/** New values not yet written, as columns: at most ROW_SLOTS, then they are written. */
class Pending {
  count = 0;
  readonly key = new Float64Array(ROW_SLOTS);
  /** The key's two parts, kept apart so that reading them back takes no division. */
  readonly slot = new Int32Array(ROW_SLOTS);
  readonly period = new Int32Array(ROW_SLOTS);
  /** Whether the keys so far came in ascending order (a file sorted by KPI, then period). */
  ascending = true;
  readonly value = new Float64Array(ROW_SLOTS);
  readonly line = new Int32Array(ROW_SLOTS);
  readonly comment: (string | null)[] = [];
  /** Whether any pending value has a comment (else `comment` is not looked at). */
  commented = false;
}

export class ImportWriter {
  private readonly db: Db;
  private readonly stored: Statement<[string, string], Stored>;
  private readonly storedSpan: Statement<[string, string, string], Stored & { period: string }>;
  private readonly values: BulkValueWriter;
  /** New values of the current batch, written in key order at its end. */
  private readonly pending = new Pending();
  /**
   * Line where each (KPI, period) was first given: per KPI slot, an array indexed by period
   * (0: not yet). Array lookups, not a million-key hash map.
   */
  private readonly seenLines: Int32Array[] = [];
  /** Per KPI slot: its id, name and whether its values are fractions to store as percent. */
  private readonly slotIds: string[];
  private readonly slotNames: string[];
  private readonly slotFractions: boolean[];
  /** Every period read so far, by index, and each one's JSON text once it is written. */
  private periods: readonly string[] = [];
  private readonly periodJson: string[] = [];
  /**
   * Per KPI slot, its last stored period when the import began (null: none), read with its
   * tally: new values after it need no look-up.
   */
  private readonly lastStored: (string | null)[] = [];
  /** KPIs this import creates: their slot by loose name. */
  private readonly createdKpis = new Map<string, number>();
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  private readonly counts = { newValues: 0, changedValues: 0, unchangedValues: 0 };
  private readonly changeSample: ImportSummary['changes'] = [];
  private readonly newSample: NewValue[] = [];
  /** Per KPI slot: counts, history and what looks misread. */
  private readonly tallies: (KpiTally | undefined)[] = [];
  private readonly percentKpis: Set<string>;
  private readonly history: Statement<[string], { period: string; value: number }>;

  constructor(private readonly options: ImportWriterOptions) {
    this.db = options.db;
    this.slotIds = options.kpis.map((kpi) => kpi.id);
    this.slotNames = options.kpis.map((kpi) => kpi.name);
    this.slotFractions = options.kpis.map(
      (kpi) => options.fractionsAsPercent?.has(kpi.id) === true,
    );
    this.percentKpis = new Set(
      options.kpis.filter((kpi) => kpi.unitFormat === 'percent').map((kpi) => kpi.id),
    );
    this.history = this.db.prepare(
      `SELECT period, value FROM kpi_values WHERE kpi_id = ? ORDER BY period DESC LIMIT ${HISTORY_VALUES}`,
    );
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
      options.source ?? null,
      // A KPI's values of the whole file are one pack, not one per batch (value-bulk.ts).
      { upTo: HELD_ROWS },
    );
    // Every KPI id written here was read from this connection inside this exclusive
    // transaction, and new KPIs are made through createKpi, which checks their objective: the
    // per-row foreign-key lookups would prove nothing and cost a third of the time. A larger
    // page cache keeps a big import's pages in memory until commit.
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -65536');
    this.db.exec('BEGIN IMMEDIATE');
  }

  /** Writes one batch from the reader (still uncommitted). */
  add(batch: ReadBatch): void {
    for (const problem of batch.problems) this.problem(problem);
    this.periods = batch.periods;
    const { kpiIndex, periodIndex, value, comment, line } = batch;
    for (let i = 0; i < value.length; i += 1)
      this.write(
        kpiIndex[i] as number,
        periodIndex[i] as number,
        value[i] as number,
        comment === null ? null : (comment[i] ?? null),
        line[i] as number,
      );
    for (const entry of batch.newKpiValues) {
      const slot = this.newKpiSlot(entry.name);
      if (slot !== null)
        this.write(slot, entry.periodIndex, entry.value, entry.comment, entry.line);
    }
    this.flushInserts();
  }

  /** The whole file is read: logs the values whose entries were held back (uncommitted). */
  finish(): void {
    this.flushInserts();
    this.values.finish();
  }

  private newKpiSlot(name: string): number | null {
    const { newKpis } = this.options;
    if (newKpis === null) return null;
    const key = looseName(name);
    let slot = this.createdKpis.get(key);
    if (slot === undefined) {
      const { id } = addKpi(
        { db: this.db, changes: this.options.changes },
        {
          ...kpiDefinitionFields.parse({ name, frequency: newKpis.frequency }),
          objectiveId: newKpis.objectiveId,
          parentKpiId: null,
        },
      );
      slot = this.slotIds.length;
      this.slotIds.push(id);
      this.slotNames.push(name);
      this.slotFractions.push(false);
      this.createdKpis.set(key, slot);
    }
    return slot;
  }

  private write(
    kpiSlot: number,
    periodIndex: number,
    value: number,
    comment: string | null,
    line: number,
  ): void {
    if (this.slotFractions[kpiSlot] === true) value = Math.round(value * 100 * 1e9) / 1e9;
    let lines = this.seenLines[kpiSlot];
    if (!lines || lines.length <= periodIndex) {
      const grown = new Int32Array(Math.max(64, (periodIndex + 1) * 2));
      if (lines) grown.set(lines);
      lines = grown;
      this.seenLines[kpiSlot] = grown;
    }
    const firstLine = lines[periodIndex] ?? 0;
    if (firstLine !== 0) {
      this.flushInserts();
      const kpiId = this.slotIds[kpiSlot] as string;
      const period = this.periods[periodIndex] as string;
      // The first one is stored by now (or was already equal to the stored value).
      const first = this.stored.get(kpiId, period)?.value;
      // The same value twice is harmless; two different values for one period are a mistake.
      if (first !== value)
        this.problem({
          line,
          where: describeCell(this.options.location, line, null),
          message: `${this.slotNames[kpiSlot] ?? ''} for ${period} is already given at ${describeCell(this.options.location, firstLine, null)} (${String(first)}); this one is left out`,
        });
      return;
    }
    lines[periodIndex] = line;
    const { pending } = this;
    const at = pending.count;
    const key = kpiSlot * PERIOD_SLOTS + periodIndex;
    if (at > 0 && key < (pending.key[at - 1] as number)) pending.ascending = false;
    pending.key[at] = key;
    pending.slot[at] = kpiSlot;
    pending.period[at] = periodIndex;
    pending.value[at] = value;
    pending.line[at] = line;
    pending.comment[at] = comment;
    if (comment !== null) pending.commented = true;
    pending.count = at + 1;
    if (pending.count === ROW_SLOTS) this.flushInserts();
  }

  /**
   * A KPI's tally, made when its first values are flushed: its history, and with it its last
   * stored period, is read then (one index seek), before this import has written any of its
   * values. Periods before the first stored one need no look-up either, but finding that
   * first period costs the same seek as looking at the range, so it is not read.
   */
  private tallyOf(kpiSlot: number, kpiId: string, name: string): KpiTally {
    let tally = this.tallies[kpiSlot];
    if (!tally) {
      const history = this.history.all(kpiId);
      this.lastStored[kpiSlot] = history[0]?.period ?? null;
      tally = {
        kpiId,
        name,
        newValues: 0,
        changedValues: 0,
        unchangedValues: 0,
        typical: typicalMagnitude(history.map((row) => row.value)),
        magnitude: null,
        percent: this.percentKpis.has(kpiId) ? emptyPercentTally() : null,
      };
      this.tallies[kpiSlot] = tally;
    }
    return tally;
  }

  /** Looks at a value about to be written for what may be a misreading. */
  private check(tally: KpiTally, period: string, value: number): void {
    if (tally.percent) tallyPercent(tally.percent, value);
    const factor = magnitudeFactor(value, tally.typical);
    if (factor === null) return;
    if (tally.magnitude) tally.magnitude.count += 1;
    else tally.magnitude = { count: 1, period, value, factor };
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

  /** A period's JSON text, made once. */
  private periodJsonOf(index: number): string {
    let json = this.periodJson[index];
    if (json === undefined) {
      json = JSON.stringify(this.periods[index]);
      this.periodJson[index] = json;
    }
    return json;
  }

  /**
   * Writes the batch's new values in key order, a hundred to a statement: a file ordered by
   * period (or a wide one) would otherwise land all over the table's B-tree, a page per value.
   */
  private flushInserts(): void {
    const { pending, periods } = this;
    const count = pending.count;
    if (count === 0) return;
    pending.count = 0;
    const commented = pending.commented;
    pending.commented = false;
    // Rows in key order: each KPI's values together, by period. Looking up stored values in
    // this order is as local as writing them. None to sort when they came so (a file sorted by
    // KPI); equal keys, were there any, keep their order either way.
    const order = pending.ascending ? null : sortedRows(pending.key, count);
    pending.ascending = true;
    const rowAt = (at: number): number => (order === null ? at : (order[at] as number));
    const periodAt = (row: number): number => pending.period[row] as number;
    for (let start = 0; start < count;) {
      // The rows of one KPI are together now; its stored values in their span of periods
      // come in one range read rather than a look-up each.
      const kpiSlot = pending.slot[rowAt(start)] as number;
      const kpiId = this.slotIds[kpiSlot] as string;
      const tally = this.tallyOf(kpiSlot, kpiId, this.slotNames[kpiSlot] as string);
      let end = start + 1;
      while (end < count && pending.slot[rowAt(end)] === kpiSlot) end += 1;
      // Values of periods after the KPI's last stored one (a KPI with none, the months after
      // its last, as a file of new figures has) are new: no look.
      let stored: Map<string, Stored> | null = null;
      const last = this.lastStored[kpiSlot] ?? null;
      if (last !== null) {
        let low = periods[periodAt(rowAt(start))] as string;
        let high = low;
        for (let at = start + 1; at < end; at += 1) {
          const period = periods[periodAt(rowAt(at))] as string;
          if (period < low) low = period;
          if (period > high) high = period;
        }
        // Up to the last stored period: after it are only values this import wrote.
        if (low <= last)
          stored = new Map(
            this.storedSpan
              .all(kpiId, low, high < last ? high : last)
              .map((row) => [row.period, row]),
          );
      }
      for (let at = start; at < end; at += 1) {
        const row = rowAt(at);
        const periodIndex = periodAt(row);
        const period = periods[periodIndex] as string;
        const value = pending.value[row] as number;
        const comment = commented ? (pending.comment[row] ?? null) : null;
        const before = stored?.get(period);
        if (before) {
          if (before.value === value && (comment === null || comment === before.comment)) {
            this.counts.unchangedValues += 1;
            tally.unchangedValues += 1;
          } else {
            this.check(tally, period, value);
            this.replace(tally.name, kpiId, period, value, comment, before);
            tally.changedValues += 1;
          }
          continue;
        }
        this.counts.newValues += 1;
        tally.newValues += 1;
        this.check(tally, period, value);
        if (tally.newValues <= NEW_SAMPLE_PER_KPI && this.newSample.length < SUMMARY_LIST_LIMIT)
          this.newSample.push({
            kpiName: tally.name,
            period,
            value,
            where: describeCell(this.options.location, pending.line[row] as number, null),
          });
        this.values.insert(kpiId, period, value, comment ?? '', this.periodJsonOf(periodIndex));
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
      newSample: this.newSample,
      perKpi: this.tallies
        .filter((tally): tally is KpiTally => tally !== undefined)
        .slice(0, SUMMARY_LIST_LIMIT)
        .map(({ kpiId, name, newValues, changedValues, unchangedValues }) => ({
          kpiId,
          kpiName: name,
          newValues,
          changedValues,
          unchangedValues,
        })),
      flags: this.flags(),
    };
  }

  private flags(): ImportFlag[] {
    const flags: ImportFlag[] = [];
    for (const tally of this.tallies) {
      if (!tally) continue;
      const { kpiId, name: kpiName, percent } = tally;
      if (
        percent !== null &&
        percent.example !== null &&
        this.options.fractionsAsPercent?.has(kpiId) !== true &&
        looksLikeFractions(percent, tally.typical)
      ) {
        flags.push({
          kind: 'percent_fraction',
          kpiId,
          kpiName,
          count: percent.count,
          example: percent.example,
        });
        continue; // the fractions are also "100× off"; one flag says it
      }
      if (tally.magnitude && tally.typical !== null)
        flags.push({
          kind: 'magnitude',
          kpiId,
          kpiName,
          typical: tally.typical,
          ...tally.magnitude,
        });
    }
    return flags.slice(0, SUMMARY_LIST_LIMIT);
  }

  /** Makes the import permanent (every value it wrote has its own history entry). */
  commit(): ImportResult {
    this.finish();
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

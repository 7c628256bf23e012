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
import type { ImportProblem, RowsRead, UnknownKpiName } from '@shared/transfer/value-rows';
import { createKpi } from '../../handlers/kpi';
import { valueEntityId, type ChangeLog } from '../../store/change-log';
import type { Db } from '../../workspace/migrations';

// An import, written as it is read, inside one transaction that stays open until the user has
// seen the dry run: applying is then just COMMIT, cancelling ROLLBACK, and a crash before the
// commit is rolled back by SQLite. This is safe because the file is lent to the import alone
// (the backend answers BUSY meanwhile), and it reads and writes each value once.

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

/** Room for a million distinct periods per KPI in one number key. */
const PERIOD_SLOTS = 1_048_576;

export class ImportWriter {
  private readonly db: Db;
  private readonly stored: Statement<[string, string], Stored>;
  private readonly upsert: Statement;
  private readonly insert: Statement;
  /** Line where each (KPI, period) was first given, keyed by number: cheap for a million. */
  private readonly seen = new Map<number, number>();
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
    this.upsert = this.db.prepare(
      `INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
         comment = excluded.comment, entered_by = excluded.entered_by,
         entered_at = excluded.entered_at`,
    );
    this.insert = this.db.prepare(
      `INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    // Every KPI id written here was read from this connection inside this exclusive
    // transaction, and new KPIs are made through createKpi, which checks their objective: the
    // per-row foreign-key lookups would prove nothing and cost a third of the time. A larger
    // page cache keeps a big import's pages in memory until commit.
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('cache_size = -65536');
    this.db.exec('BEGIN IMMEDIATE');
    this.hasStored = new Set(
      this.db.prepare<[], string>('SELECT DISTINCT kpi_id FROM kpi_values').pluck().all(),
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
  add(read: RowsRead): void {
    for (const problem of read.problems) this.problem(problem);
    for (const entry of read.values)
      this.write(
        entry.kpiId,
        this.kpiNames.get(entry.kpiId) ?? '',
        entry.period,
        entry.value,
        entry.comment,
        entry.line,
      );
    for (const entry of read.newKpiValues) {
      const kpiId = this.newKpiId(entry.name);
      if (kpiId !== null)
        this.write(kpiId, entry.name, entry.period, entry.value, entry.comment, entry.line);
    }
  }

  private newKpiId(name: string): string | null {
    const { newKpis } = this.options;
    if (newKpis === null) return null;
    const key = looseName(name);
    let id = this.createdKpis.get(key);
    if (id === undefined) {
      id = createKpi(
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
    const key =
      this.slotOf(this.kpiSlots, kpiId) * PERIOD_SLOTS + this.slotOf(this.periodSlots, period);
    const firstLine = this.seen.get(key);
    if (firstLine !== undefined) {
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
    this.seen.set(key, line);
    if (!this.hasStored.has(kpiId)) {
      this.insert.run(
        kpiId,
        period,
        value,
        comment ?? '',
        this.options.enteredBy,
        this.options.enteredAt,
      );
      this.counts.newValues += 1;
      return;
    }
    const before = this.stored.get(kpiId, period);
    if (before && before.value === value && (comment === null || comment === before.comment)) {
      this.counts.unchangedValues += 1;
      return;
    }
    const { enteredBy, enteredAt } = this.options;
    const newComment = comment ?? before?.comment ?? '';
    this.upsert.run(kpiId, period, value, newComment, enteredBy, enteredAt);
    if (!before) {
      // New values need no history entry each: the import's own entry says where they came from.
      this.counts.newValues += 1;
      return;
    }
    this.counts.changedValues += 1;
    // A replaced value keeps what it was in the history.
    this.options.changes.record(
      'value',
      valueEntityId(kpiId, period),
      'update',
      {
        kpiId,
        period,
        value: before.value,
        comment: before.comment,
        enteredBy: before.entered_by,
        enteredAt: before.entered_at,
      },
      { kpiId, period, value, comment: newComment, enteredBy, enteredAt },
    );
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

  /** Makes the import permanent, with one history entry for the import as a whole. */
  commit(workspaceId: string, fileName: string): ImportResult {
    const result: ImportResult = {
      inserted: this.counts.newValues,
      updated: this.counts.changedValues,
      unchanged: this.counts.unchangedValues,
      kpisCreated: this.createdKpis.size,
    };
    this.options.changes.record('workspace', workspaceId, 'update', null, {
      import: fileName,
      ...result,
    });
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

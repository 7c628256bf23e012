import type { Statement } from 'better-sqlite3';
import { looseName, type MatchableKpi } from '@shared/transfer/kpi-matcher';
import {
  SUMMARY_LIST_LIMIT,
  type ImportSummary,
  type ValueChange,
} from '@shared/transfer/import-status';
import { describeCell, type SourceLocation } from '@shared/transfer/table';
import type { ImportProblem, RowsRead, UnknownKpiName } from '@shared/transfer/value-rows';
import type { Db } from '../../workspace/migrations';

// The dry run, on the worker's connection: parsed values wait in temporary tables (never in
// the workspace file) and are compared with the stored ones in one query at the end. Applying
// copies them from here, so the file is read once and memory stays small.

const SCHEMA = `
  PRAGMA temp.cache_size = -131072;
  DROP TABLE IF EXISTS temp.import_values;
  DROP TABLE IF EXISTS temp.import_new_values;
  CREATE TEMP TABLE import_values (
    kpi_id TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, comment TEXT,
    line INTEGER NOT NULL, PRIMARY KEY (kpi_id, period)
  ) WITHOUT ROWID;
  CREATE TEMP TABLE import_new_values (
    name_key TEXT NOT NULL, name TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL,
    comment TEXT, line INTEGER NOT NULL, PRIMARY KEY (name_key, period)
  ) WITHOUT ROWID;
`;

/** SQL for "the staged value s differs from the stored value v" (a null comment keeps v's). */
export const DIFFERS = `NOT (v.value = s.value AND (s.comment IS NULL OR s.comment = v.comment))`;

interface ChangeRow {
  kpi_id: string;
  period: string;
  old_value: number;
  new_value: number;
  old_comment: string;
  new_comment: string | null;
}

export class ImportStage {
  private readonly insertValue: Statement;
  private readonly firstValue: Statement<[string, string], { value: number; line: number }>;
  private readonly insertNew: Statement;
  private readonly firstNew: Statement<[string, string], { value: number; line: number }>;
  private readonly problems: ImportProblem[] = [];
  private readonly kpiNames: Map<string, string>;
  private problemCount = 0;

  constructor(
    private readonly db: Db,
    private readonly kpis: readonly MatchableKpi[],
    private readonly location: SourceLocation,
  ) {
    db.exec(SCHEMA);
    this.kpiNames = new Map(kpis.map((kpi) => [kpi.id, kpi.name]));
    this.insertValue = db.prepare(
      'INSERT OR IGNORE INTO temp.import_values (kpi_id, period, value, comment, line) VALUES (?, ?, ?, ?, ?)',
    );
    this.firstValue = db.prepare(
      'SELECT value, line FROM temp.import_values WHERE kpi_id = ? AND period = ?',
    );
    this.insertNew = db.prepare(
      'INSERT OR IGNORE INTO temp.import_new_values (name_key, name, period, value, comment, line) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.firstNew = db.prepare(
      'SELECT value, line FROM temp.import_new_values WHERE name_key = ? AND period = ?',
    );
  }

  /** Stores one batch from the reader, in one transaction on the temporary tables. */
  add(read: RowsRead): void {
    const { kpiNames } = this;
    this.db.transaction(() => {
      for (const problem of read.problems) this.problem(problem);
      for (const entry of read.values) {
        const added = this.insertValue.run(
          entry.kpiId,
          entry.period,
          entry.value,
          entry.comment,
          entry.line,
        );
        if (added.changes === 0)
          this.duplicate(
            kpiNames.get(entry.kpiId) ?? '',
            entry.period,
            entry.value,
            entry.line,
            this.firstValue.get(entry.kpiId, entry.period),
          );
      }
      for (const entry of read.newKpiValues) {
        const key = looseName(entry.name);
        const added = this.insertNew.run(
          key,
          entry.name,
          entry.period,
          entry.value,
          entry.comment,
          entry.line,
        );
        if (added.changes === 0)
          this.duplicate(
            entry.name,
            entry.period,
            entry.value,
            entry.line,
            this.firstNew.get(key, entry.period),
          );
      }
    })();
  }

  /** Compares every staged value with the stored one: the dry run's summary. */
  summarise(unknownKpis: readonly UnknownKpiName[]): ImportSummary {
    const counts = this.db
      .prepare<[], { fresh: number; same: number; total: number }>(
        `SELECT count(*) FILTER (WHERE v.kpi_id IS NULL) AS fresh,
                count(*) FILTER (WHERE v.kpi_id IS NOT NULL AND NOT ${DIFFERS}) AS same,
                count(*) AS total
         FROM temp.import_values s
         LEFT JOIN kpi_values v ON v.kpi_id = s.kpi_id AND v.period = s.period`,
      )
      .get() ?? { fresh: 0, same: 0, total: 0 };
    const created = this.db
      .prepare<[], { values: number; kpis: number }>(
        'SELECT count(*) AS "values", count(DISTINCT name_key) AS kpis FROM temp.import_new_values',
      )
      .get() ?? { values: 0, kpis: 0 };
    const kpiNames = new Map(this.kpis.map((kpi) => [kpi.id, kpi.name]));
    const changes: ValueChange[] = this.db
      .prepare<[number], ChangeRow>(
        `SELECT s.kpi_id, s.period, v.value AS old_value, s.value AS new_value,
                v.comment AS old_comment, s.comment AS new_comment
         FROM temp.import_values s
         JOIN kpi_values v ON v.kpi_id = s.kpi_id AND v.period = s.period
         WHERE ${DIFFERS} ORDER BY s.line, s.period LIMIT ?`,
      )
      .all(SUMMARY_LIST_LIMIT)
      .map((row) => ({
        kpiName: kpiNames.get(row.kpi_id) ?? '',
        period: row.period,
        oldValue: row.old_value,
        newValue: row.new_value,
        oldComment: row.old_comment,
        newComment: row.new_comment,
      }));
    return {
      newValues: counts.fresh + created.values,
      changedValues: counts.total - counts.fresh - counts.same,
      unchangedValues: counts.same,
      problemCount: this.problemCount,
      problems: [...this.problems].sort((a, b) => a.line - b.line),
      changes,
      unknownKpis: unknownKpis.slice(0, SUMMARY_LIST_LIMIT),
      kpisToCreate: created.kpis,
    };
  }

  private duplicate(
    name: string,
    period: string,
    value: number,
    line: number,
    first: { value: number; line: number } | undefined,
  ): void {
    // The same value twice is harmless; two different values for one period are a mistake.
    if (!first || first.value === value) return;
    this.problem({
      line,
      where: describeCell(this.location, line, null),
      message: `${name} for ${period} is already given at ${describeCell(this.location, first.line, null)} (${String(first.value)}); this one is left out`,
    });
  }

  private problem(problem: ImportProblem): void {
    this.problemCount += 1;
    if (this.problems.length < SUMMARY_LIST_LIMIT) this.problems.push(problem);
  }
}

import type { KpiValue } from '@shared/domain/entities';
import type { Db } from '../workspace/connection';

// Values: one number per KPI and period key, with its comment and who entered it when.

export interface ValueRow {
  kpi_id: string;
  period: string;
  value: number;
  comment: string;
  entered_by: string;
  entered_at: string;
}

export const toValue = (row: ValueRow): KpiValue => ({
  kpiId: row.kpi_id,
  period: row.period,
  value: row.value,
  comment: row.comment,
  enteredBy: row.entered_by,
  enteredAt: row.entered_at,
});

/** Prepared statements for one batch of value writes (one `value.setMany`, say). */
export function valueStatements(db: Db) {
  const get = db.prepare<[string, string], ValueRow>(
    'SELECT * FROM kpi_values WHERE kpi_id = ? AND period = ?',
  );
  const upsert = db.prepare<[KpiValue]>(
    `INSERT INTO kpi_values (kpi_id, period, value, comment, entered_by, entered_at)
     VALUES (@kpiId, @period, @value, @comment, @enteredBy, @enteredAt)
     ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value,
       comment = excluded.comment, entered_by = excluded.entered_by,
       entered_at = excluded.entered_at`,
  );
  const remove = db.prepare<[string, string]>(
    'DELETE FROM kpi_values WHERE kpi_id = ? AND period = ?',
  );
  return {
    get(kpiId: string, period: string): KpiValue | null {
      const row = get.get(kpiId, period);
      return row ? toValue(row) : null;
    },
    upsert(value: KpiValue): void {
      upsert.run(value);
    },
    remove(kpiId: string, period: string): void {
      remove.run(kpiId, period);
    },
  };
}

export interface ValueQuery {
  kpiIds?: readonly string[] | undefined;
  scorecardId?: string | undefined;
  fromPeriod?: string | undefined;
  toPeriod?: string | undefined;
}

/** Values matching every given filter, by KPI then period. Period bounds are inclusive. */
export function listValues(db: Db, query: ValueQuery): KpiValue[] {
  const where: string[] = [];
  const params: (string | null)[] = [];
  if (query.kpiIds !== undefined) {
    where.push('v.kpi_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.kpiIds));
  }
  if (query.scorecardId !== undefined) {
    where.push(`v.kpi_id IN (
      SELECT k.id FROM kpis k
      JOIN objectives o ON o.id = k.objective_id
      JOIN perspectives p ON p.id = o.perspective_id
      WHERE p.scorecard_id = ?)`);
    params.push(query.scorecardId);
  }
  if (query.fromPeriod !== undefined) {
    where.push('v.period >= ?');
    params.push(query.fromPeriod);
  }
  if (query.toPeriod !== undefined) {
    where.push('v.period <= ?');
    params.push(query.toPeriod);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return db
    .prepare<(string | null)[], ValueRow>(
      `SELECT v.* FROM kpi_values v ${filter} ORDER BY v.kpi_id, v.period`,
    )
    .all(...params)
    .map(toValue);
}

/** The value with the greatest period key of each KPI (keys of one frequency sort by time). */
export function latestValues(db: Db, kpiIds: readonly string[]): Map<string, KpiValue> {
  const rows = db
    .prepare<[string], ValueRow>(
      `SELECT v.* FROM kpi_values v
       JOIN (SELECT kpi_id, max(period) AS period FROM kpi_values
             WHERE kpi_id IN (SELECT value FROM json_each(?)) GROUP BY kpi_id) latest
         ON latest.kpi_id = v.kpi_id AND latest.period = v.period`,
    )
    .all(JSON.stringify(kpiIds));
  return new Map(rows.map((row) => [row.kpi_id, toValue(row)]));
}

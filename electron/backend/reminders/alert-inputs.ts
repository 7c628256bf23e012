import type { Frequency } from '@shared/domain/kpi';
import type { AlertInputs, AlertValue } from '@shared/reminders/alert-status';
import { readStructure } from '../store/evaluation-inputs';
import type { Db } from '../workspace/connection';

// What off-track alerts are computed from: the scoring engine's inputs (the same structure
// reads as the scorecard screen), with when each value was entered, from the oldest period
// of each frequency that alerts look at (period keys of one frequency sort by time).

export function readAlertInputs(db: Db, oldest: Record<Frequency, string>): AlertInputs {
  const structure = readStructure(db);
  const rows = db
    .prepare<[string, string, string, string, string], [string, string, number, string]>(
      `SELECT v.kpi_id, v.period, v.value, v.entered_at
       FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id
       WHERE v.period >= CASE k.frequency WHEN 'daily' THEN ? WHEN 'weekly' THEN ?
         WHEN 'monthly' THEN ? WHEN 'quarterly' THEN ? ELSE ? END
       ORDER BY v.kpi_id, v.period`,
    )
    .raw()
    .all(oldest.daily, oldest.weekly, oldest.monthly, oldest.quarterly, oldest.yearly);
  const values = new Map<string, AlertValue[]>();
  for (const [kpiId, period, value, enteredAt] of rows) {
    const list = values.get(kpiId);
    const entry = { period, value, enteredAt };
    if (list) list.push(entry);
    else values.set(kpiId, [entry]);
  }
  return { ...structure, values };
}

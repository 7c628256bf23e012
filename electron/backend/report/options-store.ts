import {
  DEFAULT_REPORT_OPTIONS,
  reportOptionsSchema,
  type ReportOptions,
} from '@shared/report/options';
import type { Tx } from '../store/change-log';
import { findScorecard } from '../store/records';
import type { Db } from '../workspace/connection';

// The report options are remembered per workspace, in its workspace_meta table, as JSON; a
// change is logged (entity 'report_options'): they travel with the file like its data.

const KEY = 'report_options';

/**
 * The remembered options, or the defaults. A record that no longer parses (written by another
 * version) or names a scorecard since deleted falls back field by field rather than failing.
 */
export function readReportOptions(db: Db): ReportOptions {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM workspace_meta WHERE key = ?')
    .get(KEY);
  if (!row) return DEFAULT_REPORT_OPTIONS;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return DEFAULT_REPORT_OPTIONS;
  }
  const parsed = reportOptionsSchema.safeParse(stored);
  const options = parsed.success ? parsed.data : DEFAULT_REPORT_OPTIONS;
  if (options.scorecardId !== null && findScorecard(db, options.scorecardId) === null)
    return { ...options, scorecardId: null, perspectiveIds: null };
  return options;
}

export function writeReportOptions({ db, changes }: Tx, options: ReportOptions): void {
  const before = readReportOptions(db);
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(options));
  changes.recordUpdate('report_options', KEY, before, options);
}

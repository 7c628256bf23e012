import { basename } from 'node:path';
import type { ScorecardRows } from '@shared/domain/evaluation';
import type { Status } from '@shared/domain/kpi';
import { formatValue } from '@shared/domain/format';
import { periodLabel } from '@shared/domain/period';
import { bucketLabel } from '@shared/scoring/calendar';
import { oneOf, parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { useColour, type CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { pickScorecard, viewOfPeriod } from '../scope';
import { openWorkspace, withBackend } from '../session';
import { renderTable, statusWords } from '../table';

// `kpis status`: the scorecard as the app scores it (scorecard.evaluate), as a table
// perspective → objective → KPI, for a person, or as JSON for a script; exit 3 when anything
// is off track, so a scheduled job can act on it.

const VIEWS = ['month', 'quarter', 'year'] as const;

const USAGE = `Usage: kpis status FILE.kpis [--scorecard NAME|ID] [--view month|quarter|year]
                   [--period KEY] [--json]

Shows a scorecard as the app scores it: each perspective, objective and KPI with its value,
target and status (On track, At risk, Off track, No data), and the scorecards below it.

Options:
  --scorecard NAME|ID  Which scorecard (default: the first top-level one)
  --view month|quarter|year
                       How values are grouped over time (default: month, or what --period is)
  --period KEY         The period, e.g. 2026-03, 2026-Q1, 2026, FY2027-Q1, FY2027
                       (default: the latest period with any value)
  --json               Print the evaluation as JSON
  -h, --help           Show this help

Colour is used only on a terminal, and never when NO_COLOR is set.
Exit codes: 0 nothing off track, 3 something shown is off track, 1 the file cannot be opened,
2 bad usage (unknown option, scorecard or period).`;

interface Row {
  level: 'perspective' | 'objective' | 'kpi';
  name: string;
  value: string;
  target: string;
  status: Status;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show a scorecard: every KPI with value, target and status',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'status',
      argv,
      {
        scorecard: { type: 'string' },
        view: { type: 'string' },
        period: { type: 'string' },
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const file = parsed.positionals[0] ?? '';
    const { period } = parsed.values;
    const fromPeriod = period === undefined ? null : viewOfPeriod(period);
    if (period !== undefined && fromPeriod === null)
      throw usageError(
        `--period must be a period key like 2026-03, 2026-Q1, 2026 or FY2027; got "${period}".`,
      );
    const frequency =
      parsed.values.view === undefined
        ? (fromPeriod?.frequency ?? 'month')
        : oneOf('--view', parsed.values.view, VIEWS);
    if (fromPeriod && fromPeriod.frequency !== frequency)
      throw usageError(`--period ${period ?? ''} is not a ${frequency}; leave out --view.`);

    const evaluation = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const scorecard = await pickScorecard(session, file, parsed.values.scorecard);
      return session.call('scorecard.evaluate', {
        id: scorecard.id,
        view: { frequency, basis: fromPeriod?.basis ?? 'calendar' },
        ...(period === undefined ? {} : { period: period.trim() }),
      });
    });

    const rows = rowsOf(evaluation, ctx.locale);
    const offTrack =
      rows.some((row) => row.status === 'off_track') ||
      evaluation.childScorecards.some((child) => child.status === 'off_track');
    if (parsed.values.json === true) printJson(ctx, jsonOf(file, evaluation, rows, offTrack));
    else printTable(ctx, file, evaluation, rows);
    return offTrack ? EXIT.offTrack : EXIT.ok;
  },
};

function rowsOf(evaluation: ScorecardRows, locale: string): Row[] {
  const rows: Row[] = [];
  for (const perspective of evaluation.perspectives) {
    rows.push({
      level: 'perspective',
      name: perspective.perspective.name,
      value: '',
      target: '',
      status: perspective.status,
    });
    for (const objective of perspective.objectives) {
      rows.push({
        level: 'objective',
        name: objective.objective.name,
        value: '',
        target: '',
        status: objective.status,
      });
      for (const { kpi, evaluation: kpiEvaluation } of objective.kpis)
        rows.push({
          level: 'kpi',
          name: kpi.name,
          value: formatValue(kpiEvaluation.value, kpi.unit, kpi.decimals, locale),
          target: formatValue(kpiEvaluation.target, kpi.unit, kpi.decimals, locale),
          status: kpiEvaluation.status,
        });
    }
  }
  return rows;
}

export function periodName(evaluation: ScorecardRows, locale: string): string {
  return evaluation.view.frequency === 'month'
    ? periodLabel('monthly', evaluation.period, locale)
    : bucketLabel(evaluation.period);
}

function printTable(ctx: CliContext, file: string, evaluation: ScorecardRows, rows: Row[]): void {
  const colour = useColour(ctx);
  const indent = { perspective: '', objective: '  ', kpi: '    ' };
  print(
    ctx,
    `${evaluation.scorecard.name} (${basename(file)}), ${periodName(evaluation, ctx.locale)}: ${statusWords(evaluation.own.status, colour)}`,
  );
  print(ctx);
  print(
    ctx,
    renderTable(
      [
        { title: 'Perspective / objective / KPI', align: 'left' },
        { title: 'Value', align: 'right' },
        { title: 'Target', align: 'right' },
        { title: 'Status', align: 'left' },
      ],
      rows.map((row) => [
        indent[row.level] + row.name,
        row.value,
        row.target,
        statusWords(row.status, colour),
      ]),
    ),
  );
  const counts = (['off_track', 'at_risk', 'on_track', 'no_data'] as const)
    .map((status) => ({
      status,
      count: rows.filter((row) => row.level === 'kpi' && row.status === status).length,
    }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${statusWords(entry.status, false).toLowerCase()}`);
  print(ctx);
  print(ctx, `KPIs: ${counts.length > 0 ? counts.join(', ') : 'none'}.`);
  if (evaluation.childScorecards.length > 0)
    print(
      ctx,
      `Scorecards below: ${evaluation.childScorecards.map((child) => `${child.scorecard.name}: ${statusWords(child.status, colour)}`).join(', ')}.`,
    );
}

function jsonOf(file: string, evaluation: ScorecardRows, rows: Row[], offTrack: boolean): unknown {
  return {
    workspace: file,
    scorecard: { id: evaluation.scorecard.id, name: evaluation.scorecard.name },
    view: evaluation.view.frequency,
    basis: evaluation.view.basis,
    period: evaluation.period,
    status: evaluation.own.status,
    /** With the scorecards below rolled in. */
    cascadedStatus: evaluation.cascaded.status,
    offTrack,
    perspectives: evaluation.perspectives.map((perspective) => ({
      id: perspective.perspective.id,
      name: perspective.perspective.name,
      status: perspective.status,
      objectives: perspective.objectives.map((objective) => ({
        id: objective.objective.id,
        name: objective.objective.name,
        status: objective.status,
        kpis: objective.kpis.map(({ kpi, evaluation: kpiEvaluation }) => ({
          id: kpi.id,
          name: kpi.name,
          code: kpi.code,
          value: kpiEvaluation.value,
          target: kpiEvaluation.target,
          status: kpiEvaluation.status,
        })),
      })),
    })),
    childScorecards: evaluation.childScorecards.map((child) => ({
      id: child.scorecard.id,
      name: child.scorecard.name,
      status: child.status,
    })),
    kpiCount: rows.filter((row) => row.level === 'kpi').length,
  };
}

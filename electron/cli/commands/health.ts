import { basename } from 'node:path';
import { SEVERITY_LABELS, type HealthFinding, type Severity } from '@shared/health/types';
import { parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { useColour, type CliContext } from '../context';
import { EXIT } from '../errors';
import { attempt, openWorkspace, withBackend } from '../session';
import { renderTable } from '../table';

// `kpis health`: the app's health check of a workspace (health.check) — what is wrong with
// the scorecard itself — as a table for a person or JSON for a script; exit 3 when a finding
// of the worst severity is open, so a consultant's script can stop on it.

const USAGE = `Usage: kpis health FILE.kpis [--json]

Checks the scorecards of a workspace as the app's Health check does: KPIs with no owner, no
target or no data for their last 3 periods, a percent or ratio summed over time, objectives
with more than 5 KPIs or none, perspectives with no leading indicator, KPIs with no
description or a target with no deadline, duplicate KPI names, formulas mixing frequencies.
Each finding has a severity (error, the worst; warning; info) and says what it concerns.
Findings dismissed in the app are listed apart, with their reason.

Options:
  --json      Print {workspace, counts, findings, dismissed} as JSON
  -h, --help  Show this help

Exit codes: 0 no open finding of severity error, 3 at least one, 1 the file cannot be
opened, 2 bad usage.`;

const COLOURS: Record<Severity, string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[2m',
};

function severityWords(severity: Severity, colour: boolean): string {
  const label = SEVERITY_LABELS[severity];
  return colour ? `${COLOURS[severity]}${label}\u001b[0m` : label;
}

/** "Company › Financial › Grow revenue": where the finding sits, its subject left out. */
function placeOf(finding: HealthFinding): string {
  const { kind } = finding.subject;
  return [
    finding.scorecard?.name,
    kind === 'perspective' ? undefined : finding.perspective?.name,
    kind === 'objective' ? undefined : finding.objective?.name,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' › ');
}

function jsonFinding(finding: HealthFinding) {
  return {
    key: finding.key,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    advice: finding.advice,
    concerns: finding.subject,
    scorecard: finding.scorecard,
    perspective: finding.perspective,
    objective: finding.objective,
  };
}

export const healthCommand: Command = {
  name: 'health',
  summary: 'Check the scorecards for what is missing or misleading',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'health',
      argv,
      { json: { type: 'boolean' } },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const file = parsed.positionals[0] ?? '';
    const report = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      return attempt(() => session.call('health.check', {}));
    });
    const failing = report.counts.error > 0;
    if (parsed.values.json === true)
      printJson(ctx, {
        workspace: file,
        counts: report.counts,
        findings: report.findings.map(jsonFinding),
        dismissed: report.dismissed.map((finding) => ({
          ...jsonFinding(finding),
          reason: finding.dismissal.reason,
          dismissedAt: finding.dismissal.dismissedAt,
        })),
      });
    else printFindings(ctx, file, report.findings, report.dismissed);
    return failing ? EXIT.offTrack : EXIT.ok;
  },
};

function printFindings(
  ctx: CliContext,
  file: string,
  findings: readonly HealthFinding[],
  dismissed: readonly (HealthFinding & { dismissal: { reason: string } })[],
): void {
  const colour = useColour(ctx);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  print(
    ctx,
    `Health check of ${basename(file)}: ${String(count('error'))} errors, ${String(count('warning'))} warnings, ${String(count('info'))} info.`,
  );
  if (findings.length > 0) {
    print(ctx);
    print(
      ctx,
      renderTable(
        [
          { title: 'Severity', align: 'left' },
          { title: 'Finding', align: 'left' },
          { title: 'Where', align: 'left' },
          { title: 'Fix', align: 'left' },
        ],
        findings.map((finding) => [
          severityWords(finding.severity, colour),
          finding.message,
          placeOf(finding),
          finding.advice,
        ]),
      ),
    );
  }
  if (dismissed.length > 0) {
    print(ctx);
    print(ctx, `Dismissed (${String(dismissed.length)}):`);
    for (const finding of dismissed)
      print(ctx, `  ${finding.message} — ${finding.dismissal.reason}`);
  }
}

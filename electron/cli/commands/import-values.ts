import { basename, resolve } from 'node:path';
import { choicesFrom, startParams } from '@shared/transfer/import-choices';
import type { ImportJobStatus, ImportSummary } from '@shared/transfer/import-status';
import { parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { progress, type CliContext } from '../context';
import { EXIT, problem, usageError } from '../errors';
import { NUMBER_STYLE_HELP, numberStyle } from '../import-options';
import { inspectData } from '../inspect';
import { pickObjective } from '../scope';
import { attempt, openWorkspace, withBackend, type Session } from '../session';
import { askToApply } from '../confirm';
import {
  flagLines,
  fractionsChoice,
  undecidedNumberStyle,
  unsettledFlags,
} from '../import-decisions';

// `kpis import`: values from a CSV or XLSX file, the wizard's way. The first look guesses the
// layout (import.inspect), the whole file is read into a transaction left open (import.start),
// the dry run is printed as the wizard counts it, and only --yes (or "y" on a terminal)
// commits it (import.apply); anything else rolls it back (import.cancel). All or nothing.

const USAGE = `Usage: kpis import FILE.kpis DATA.csv|xlsx [--sheet NAME] [--number-style STYLE]
                   [--day-first | --no-day-first] [--create-unknown OBJECTIVE]
                   [--fractions percent|as-written] [--accept-unusual]
                   [--dry-run] [--yes] [--json]

Imports KPI values from a spreadsheet, as the app's import wizard does: the header row, long
or wide layout, columns, number and date style are guessed from the file; KPI names match
exactly, then ignoring case and spacing. Prints the dry run (new, changed old → new,
unchanged, and each row that cannot be imported with its line or cell and why), then imports
only with --yes, or when you answer y on a terminal. All of it is written, or none.

Options:
  --sheet NAME              The sheet of an XLSX file (default: the first)
  --number-style STYLE      How numbers are written: ${NUMBER_STYLE_HELP}
                            (default: from the file; when nothing in it decides, for
                            "1.968", the import is refused until you say)
  --day-first, --no-day-first
                            31/03/2026 (day first) or 03/31/2026 (default: guessed)
  --create-unknown OBJECTIVE
                            Create KPIs the workspace does not have, under this objective
                            (name or id); without it their rows are skipped and listed
  --fractions percent|as-written
                            A Percent KPI given fractions (0.915): read them as 91.5 %, or
                            keep them as written (without it such an import is refused)
  --accept-unusual          Keep values about 100× or 1000× off a KPI's recent values as
                            written (without it such an import is refused)
  --dry-run                 Only print what would change; write nothing
  --yes                     Import without asking
  --json                    Print {workspace, file, applied, summary, result} as JSON
  -h, --help                Show this help

Exit codes: 0 all rows good (imported with --yes), 1 some rows cannot be imported or name no
KPI (with --yes the good ones are imported), or the files cannot be read; 2 bad usage, or
the file leaves its number style open, or values look misread and no option says how.`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import KPI values from CSV or XLSX (dry run first; --yes to write)',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'import',
      argv,
      {
        sheet: { type: 'string' },
        'number-style': { type: 'string' },
        'day-first': { type: 'boolean' },
        'no-day-first': { type: 'boolean' },
        'create-unknown': { type: 'string' },
        fractions: { type: 'string' },
        'accept-unusual': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 2, max: 2, names: 'FILE.kpis and DATA.csv|xlsx' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const [file = '', data = ''] = parsed.positionals;
    const { values } = parsed;
    const locale =
      values['number-style'] === undefined ? null : numberStyle(values['number-style']);
    if (values['day-first'] === true && values['no-day-first'] === true)
      throw usageError('Use either --day-first or --no-day-first, not both.');
    const dayFirst =
      values['day-first'] === true ? true : values['no-day-first'] === true ? false : null;
    const fractions = fractionsChoice(values.fractions);
    const acceptUnusual = values['accept-unusual'] === true;
    const dataPath = resolve(ctx.cwd, data);
    const json = values.json === true;

    return withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const objective =
        values['create-unknown'] === undefined
          ? null
          : await pickObjective(session, file, values['create-unknown']);
      const preview = await inspectData(ctx, session, dataPath, values.sheet);
      const style = preview.guess.numberStyle;
      if (locale === null && !style.decided && style.example !== null)
        throw undecidedNumberStyle(ctx, basename(data), style.example);
      const choices = {
        ...choicesFrom(preview),
        ...(locale === null ? {} : { numberLocale: locale }),
        ...(dayFirst === null ? {} : { dayFirst }),
        ...(objective === null ? {} : { unknown: 'create' as const, objectiveId: objective.id }),
      };
      let job = await attempt(() => session.call('import.start', startParams(dataPath, choices)));
      job = await settle(ctx, session, job, 'Reading');
      const fractionKpis = (job.summary?.flags ?? []).flatMap((flag) =>
        flag.kind === 'percent_fraction' ? [flag.kpiId] : [],
      );
      if (job.phase === 'ready' && fractions === 'percent' && fractionKpis.length > 0) {
        // The dry run again, those KPIs' fractions read as percentages.
        const { path: _path, ...again } = startParams(dataPath, {
          ...choices,
          fractionsAsPercent: fractionKpis,
        });
        job = await settle(
          ctx,
          session,
          await session.call('import.restart', { jobId: job.id, ...again }),
          'Reading',
        );
      }
      if (job.phase !== 'ready' || job.summary === null)
        throw problem(`${basename(data)} could not be imported: ${job.message ?? job.phase}.`);
      const summary = job.summary;
      if (!json) printSummary(ctx, basename(data), basename(file), summary);
      const unsettled = unsettledFlags(summary.flags, fractions, acceptUnusual);
      if (unsettled !== null && values['dry-run'] !== true) {
        await session.call('import.cancel', { jobId: job.id });
        throw unsettled;
      }

      const nothingNew = summary.newValues + summary.changedValues + summary.kpisToCreate === 0;
      const apply =
        values['dry-run'] === true
          ? false
          : values.yes === true
            ? true
            : !nothingNew &&
              (await askToApply(
                ctx,
                json,
                `Import ${importable(summary)} into ${basename(file)}?`,
              ));
      let result = null;
      if (apply) {
        job = await settle(
          ctx,
          session,
          await session.call('import.apply', { jobId: job.id }),
          'Writing',
        );
        if (job.phase !== 'applied' || job.result === null)
          throw problem(
            `${basename(data)} was not imported (${job.message ?? job.phase}); ${basename(file)} is unchanged.`,
          );
        result = job.result;
      } else {
        await session.call('import.cancel', { jobId: job.id });
      }

      if (json) printJson(ctx, { workspace: file, file: data, applied: apply, summary, result });
      else if (result)
        print(
          ctx,
          `Imported into ${basename(file)}: ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged${result.kpisCreated > 0 ? `, ${result.kpisCreated} ${result.kpisCreated === 1 ? 'KPI' : 'KPIs'} created` : ''}.`,
        );
      else
        print(
          ctx,
          values['dry-run'] === true
            ? 'Dry run: nothing was written.'
            : nothingNew
              ? `Nothing to import: ${basename(file)} already has these values.`
              : 'Nothing was written. Re-run with --yes to import.',
        );
      const skippedNames = objective === null ? summary.unknownKpis.length : 0;
      return summary.problemCount > 0 || skippedNames > 0 ? EXIT.problems : EXIT.ok;
    });
  },
};

function importable(summary: ImportSummary): string {
  const count = summary.newValues + summary.changedValues;
  return `${count} ${count === 1 ? 'value' : 'values'}`;
}

/** Waits for the job to leave `reading`/`applying`, showing progress on a terminal. */
async function settle(
  ctx: CliContext,
  session: Session,
  start: ImportJobStatus,
  verb: string,
): Promise<ImportJobStatus> {
  let job = start;
  while (job.phase === 'reading' || job.phase === 'applying') {
    if (ctx.stderr.isTTY && job.progress.total > 0)
      ctx.stderr.write(
        `\r${verb} ${job.fileName}: ${Math.floor((job.progress.done / job.progress.total) * 100)}%`,
      );
    await new Promise((done) => setTimeout(done, 100));
    job = await session.call('import.status', { jobId: job.id });
  }
  if (ctx.stderr.isTTY) ctx.stderr.write('\r\u001b[K');
  progress(ctx, `${verb} ${job.fileName}: done.`);
  return job;
}

function printSummary(ctx: CliContext, data: string, file: string, summary: ImportSummary): void {
  const n = (count: number): string => count.toLocaleString(ctx.locale);
  print(ctx, `Dry run of ${data} into ${file}:`);
  print(ctx, `  ${n(summary.newValues)} new values`);
  print(ctx, `  ${n(summary.changedValues)} changed`);
  print(ctx, `  ${n(summary.unchangedValues)} unchanged`);
  print(ctx, `  ${n(summary.problemCount)} ${summary.problemCount === 1 ? 'error' : 'errors'}`);
  if (summary.kpisToCreate > 0)
    print(ctx, `  ${n(summary.kpisToCreate)} new ${summary.kpisToCreate === 1 ? 'KPI' : 'KPIs'}`);
  if (summary.changes.length > 0) {
    print(ctx, 'Changed values (now → after import):');
    for (const change of summary.changes)
      print(ctx, `  ${change.kpiName}, ${change.period}: ${change.oldValue} → ${change.newValue}`);
    more(ctx, summary.changedValues - summary.changes.length);
  }
  if (summary.flags.length > 0) {
    print(ctx, 'Values that look misread:');
    for (const line of flagLines(ctx, summary.flags)) print(ctx, `  ${line}`);
  }
  if (summary.unknownKpis.length > 0) {
    print(
      ctx,
      summary.kpisToCreate > 0 ? 'KPIs to create:' : 'KPIs not in this workspace (skipped):',
    );
    for (const unknown of summary.unknownKpis)
      print(
        ctx,
        `  "${unknown.name}" (${n(unknown.rows)} ${unknown.rows === 1 ? 'value' : 'values'}, first at ${unknown.firstWhere})${unknown.suggestion ? ` — did you mean "${unknown.suggestion}"?` : ''}`,
      );
  }
  if (summary.problems.length > 0) {
    print(ctx, 'Rows that cannot be imported:');
    for (const entry of summary.problems) print(ctx, `  ${entry.where}: ${entry.message}`);
    more(ctx, summary.problemCount - summary.problems.length);
  }
}

function more(ctx: CliContext, count: number): void {
  if (count > 0) print(ctx, `  and ${count.toLocaleString(ctx.locale)} more.`);
}

import { basename, resolve } from 'node:path';
import { guessDefinitionColumns } from '@shared/transfer/definition-rows';
import { headerOf, numberStyleOf } from '@shared/transfer/import-choices';
import type { DefinitionImportResult } from '@shared/transfer/import-status';
import { parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { askToApply } from '../confirm';
import { NUMBER_STYLE_HELP, numberStyle } from '../import-options';
import { inspectData } from '../inspect';
import { pickScorecard } from '../scope';
import { attempt, openWorkspace, withBackend } from '../session';

// `kpis import-definitions`: KPI definitions from a spreadsheet into a scorecard, as the app's
// definitions dialog does (columns guessed from the header, missing perspectives and
// objectives made by name): the dry run first, written in one transaction only with --yes.

const USAGE = `Usage: kpis import-definitions FILE.kpis DATA.csv|xlsx [--scorecard NAME|ID]
                   [--sheet NAME] [--number-style STYLE] [--dry-run] [--yes] [--json]

Imports KPI definitions (name, perspective, objective, unit, direction, frequency, target,
owner: columns found by their headers) into a scorecard, making missing perspectives and
objectives by name. Prints what each row would do and every row that cannot be imported,
then imports only with --yes, or when you answer y on a terminal. All of it, or none.

Options:
  --scorecard NAME|ID   Into which scorecard (default: the first top-level one)
  --sheet NAME          The sheet of an XLSX file (default: the first)
  --number-style STYLE  How targets are written: ${NUMBER_STYLE_HELP}
  --dry-run             Only print what would change; write nothing
  --yes                 Import without asking
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 all rows good, 1 some rows cannot be imported (with --yes the good ones are
imported) or the files cannot be read, 2 bad usage.`;

export const importDefinitionsCommand: Command = {
  name: 'import-definitions',
  summary: 'Import KPI definitions from CSV or XLSX into a scorecard',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'import-definitions',
      argv,
      {
        scorecard: { type: 'string' },
        sheet: { type: 'string' },
        'number-style': { type: 'string' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 2, max: 2, names: 'FILE.kpis and DATA.csv|xlsx' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const [file = '', data = ''] = parsed.positionals;
    const { values } = parsed;
    const forcedStyle =
      values['number-style'] === undefined ? null : numberStyle(values['number-style']);
    const dataPath = resolve(ctx.cwd, data);
    const json = values.json === true;

    return withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const scorecard = await pickScorecard(session, file, values.scorecard);
      const preview = await inspectData(ctx, session, dataPath, values.sheet);
      const headerLine = preview.guess.mapping.headerLine;
      const call = (apply: boolean) =>
        attempt(() =>
          session.call('import.definitions', {
            path: dataPath,
            sheet: preview.sheet,
            format: preview.format,
            headerLine,
            columns: guessDefinitionColumns(headerOf(preview, headerLine)),
            numberLocale: forcedStyle ?? numberStyleOf(preview),
            scorecardId: scorecard.id,
            apply,
          }),
        );
      const dryRun = await call(false);
      if (!json) printDryRun(ctx, basename(data), scorecard.name, dryRun);
      const importable = dryRun.created + dryRun.updated;
      const apply =
        values['dry-run'] === true || importable === 0
          ? false
          : values.yes === true
            ? true
            : await askToApply(
                ctx,
                json,
                `Import ${importable} KPI ${importable === 1 ? 'definition' : 'definitions'} into "${scorecard.name}"?`,
              );
      const result = apply ? await call(true) : dryRun;
      if (json)
        printJson(ctx, { workspace: file, file: data, scorecard: scorecard.name, ...result });
      else if (result.applied)
        print(
          ctx,
          `Imported into "${scorecard.name}": ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`,
        );
      else
        print(
          ctx,
          values['dry-run'] === true || importable === 0
            ? 'Nothing was written.'
            : 'Nothing was written. Re-run with --yes to import.',
        );
      return result.problemCount > 0 ? EXIT.problems : EXIT.ok;
    });
  },
};

function printDryRun(
  ctx: CliContext,
  data: string,
  scorecard: string,
  result: DefinitionImportResult,
): void {
  print(ctx, `Dry run of ${data} into the scorecard "${scorecard}":`);
  print(ctx, `  ${result.created} new KPIs`);
  print(ctx, `  ${result.updated} updated`);
  print(ctx, `  ${result.unchanged} unchanged`);
  print(ctx, `  ${result.links} new ${result.links === 1 ? 'link' : 'links'} between objectives`);
  print(ctx, `  ${result.problemCount} ${result.problemCount === 1 ? 'error' : 'errors'}`);
  const outcomes = { created: 'new', updated: 'updated', unchanged: 'unchanged' } as const;
  for (const row of result.rows)
    print(ctx, `  line ${row.line}: ${row.name} (${outcomes[row.outcome]})`);
  if (result.problems.length > 0) {
    print(ctx, 'Rows that cannot be imported:');
    for (const entry of result.problems) print(ctx, `  ${entry.where}: ${entry.message}`);
    const more = result.problemCount - result.problems.length;
    if (more > 0) print(ctx, `  and ${more} more.`);
  }
}

import { basename } from 'node:path';
import { VALUE_EXPORT_LAYOUTS } from '@shared/api/contract-export';
import { extensionOf, oneOf, parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { progress } from '../context';
import { EXIT, usageError } from '../errors';
import { outputPath } from '../output-file';
import { pickScorecard } from '../scope';
import { attempt, openWorkspace, withBackend } from '../session';

// `kpis export`: the app's Export dialog (export.values) or its JSON package (export.package),
// written to the file named.

const USAGE = `Usage: kpis export FILE.kpis OUT.csv|xlsx|json [--layout long|wide]
                   [--scorecard NAME|ID] [--from KEY] [--to KEY] [--yes] [--json]

Writes values to a spreadsheet, as the app's Export dialog does (statuses from the scoring
engine), or the workspace (or one scorecard with those below it) to a JSON package that
another copy of the app imports. The format follows OUT's extension.

Options:
  --layout long|wide   long: one row per KPI and period (default); wide: one row per KPI,
                       one column per period (csv and xlsx only)
  --scorecard NAME|ID  Only this scorecard (default: the whole workspace)
  --from KEY, --to KEY Only periods from/to these, inclusive, e.g. 2026-01, 2026-Q1
                       (csv and xlsx only)
  --yes                Replace OUT if it exists
  --json               Print {path, rows, bytes} as JSON
  -h, --help           Show this help

Exit codes: 0 written, 1 a file cannot be read or written (or OUT exists without --yes),
2 bad usage.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export values to CSV/XLSX, or the workspace to a JSON package',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'export',
      argv,
      {
        layout: { type: 'string' },
        scorecard: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 2, max: 2, names: 'FILE.kpis and OUT.csv|xlsx|json' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const [file = '', out = ''] = parsed.positionals;
    const { values } = parsed;
    const format = extensionOf(out);
    if (format !== 'csv' && format !== 'xlsx' && format !== 'json')
      throw usageError(`OUT must end in .csv, .xlsx or .json; got "${out}".`);
    if (format === 'json') {
      const wrong = (['layout', 'from', 'to'] as const).find((flag) => values[flag] !== undefined);
      if (wrong) throw usageError(`--${wrong} is for .csv and .xlsx exports, not a .json package.`);
    }
    const layout =
      values.layout === undefined ? 'long' : oneOf('--layout', values.layout, VALUE_EXPORT_LAYOUTS);
    const path = outputPath(ctx, out, values.yes === true);

    const result = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const scorecardId =
        values.scorecard === undefined
          ? undefined
          : (await pickScorecard(session, file, values.scorecard)).id;
      const scope = scorecardId === undefined ? {} : { scorecardId };
      const destination = { kind: 'file' as const, path };
      progress(ctx, `Writing ${basename(path)}…`);
      return attempt(() =>
        format === 'json'
          ? session.call('export.package', { ...scope, destination })
          : session.call('export.values', {
              format,
              layout,
              ...scope,
              ...(values.from === undefined ? {} : { fromPeriod: values.from.trim() }),
              ...(values.to === undefined ? {} : { toPeriod: values.to.trim() }),
              destination,
            }),
      );
    });

    if (values.json === true)
      printJson(ctx, { path: result.path, rows: result.rows, bytes: result.bytes });
    else
      print(
        ctx,
        `Wrote ${result.path ?? path}: ${result.rows.toLocaleString(ctx.locale)} ${format === 'json' ? 'records' : 'values'}.`,
      );
    return EXIT.ok;
  },
};

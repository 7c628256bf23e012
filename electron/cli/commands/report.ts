import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { PAPER_SIZES } from '@shared/report/option-choices';
import { bucketLabel } from '@shared/scoring/calendar';
import { periodLabel } from '@shared/domain/period';
import { extensionOf, oneOf, parseCommandArgs } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { progress } from '../context';
import { EXIT, usageError } from '../errors';
import { outputPath } from '../output-file';
import { printReport } from '../report-page';
import { pickScorecard, viewOfPeriod } from '../scope';
import { attempt, openWorkspace, withBackend } from '../session';

// `kpis report`: the app's PDF board report, the same document (the app's report view printed
// by Chromium's engine), with the options the user last chose in the app unless a flag says
// otherwise. The remembered options are read, never changed.

const USAGE = `Usage: kpis report FILE.kpis OUT.pdf [--scorecard NAME|ID] [--period KEY]
                   [--paper a4|letter] [--landscape | --portrait] [--chromium PATH]
                   [--yes] [--json]

Prints the board report (cover, executive summary, status table, trend charts, action plans)
to a PDF, the same document as the app's Board report. Title, author, logo and what to include
are those last chosen in the app's report dialog for this workspace; the flags override the
rest for this report only.

Options:
  --scorecard NAME|ID  Which scorecard (default: the one last reported, else the first)
  --period KEY         e.g. 2026-03, 2026-Q1, 2026, FY2027 (default: the latest with data)
  --paper a4|letter    Paper size (default: as last chosen, else A4)
  --landscape, --portrait
                       Orientation (default: as last chosen, else portrait)
  --chromium PATH      The Chromium to print with (else CHROMIUM_PATH, else
                       /usr/bin/chromium; the desktop app's --cli uses its own)
  --yes                Replace OUT.pdf if it exists
  --json               Print {path, bytes, scorecard, period} as JSON
  -h, --help           Show this help

Exit codes: 0 written, 1 the file cannot be opened, no Chromium was found or the report
failed, 2 bad usage.`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Print the board report to PDF',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'report',
      argv,
      {
        scorecard: { type: 'string' },
        period: { type: 'string' },
        paper: { type: 'string' },
        landscape: { type: 'boolean' },
        portrait: { type: 'boolean' },
        chromium: { type: 'string' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 2, max: 2, names: 'FILE.kpis and OUT.pdf' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const [file = '', out = ''] = parsed.positionals;
    const { values } = parsed;
    if (extensionOf(out) !== 'pdf') throw usageError(`OUT must end in .pdf; got "${out}".`);
    if (values.landscape === true && values.portrait === true)
      throw usageError('Use either --landscape or --portrait, not both.');
    const paper = values.paper === undefined ? null : oneOf('--paper', values.paper, PAPER_SIZES);
    const view = values.period === undefined ? null : viewOfPeriod(values.period);
    if (values.period !== undefined && view === null)
      throw usageError(
        `--period must be a period key like 2026-03, 2026-Q1, 2026 or FY2027; got "${values.period}".`,
      );
    const path = outputPath(ctx, out, values.yes === true);

    const model = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const remembered = await session.call('report.options.get', {});
      const scorecard =
        values.scorecard === undefined
          ? null
          : await pickScorecard(session, file, values.scorecard);
      const options = {
        ...remembered,
        ...(scorecard && scorecard.id !== remembered.scorecardId
          ? { scorecardId: scorecard.id, perspectiveIds: null }
          : {}),
        ...(view && values.period
          ? { frequency: view.frequency, basis: view.basis, period: values.period.trim() }
          : {}),
        ...(paper ? { paper } : {}),
        ...(values.landscape === true ? { orientation: 'landscape' as const } : {}),
        ...(values.portrait === true ? { orientation: 'portrait' as const } : {}),
      };
      // The report's data first: a period or scorecard it cannot use is told here, in one line.
      const data = await attempt(() => session.call('report.data', options));
      progress(ctx, `Printing the report of "${data.scorecardName}" with Chromium…`);
      await printReport(ctx, session.backend, data.options, path, values.chromium ?? null);
      return data;
    });

    const period =
      model.view.frequency === 'month'
        ? periodLabel('monthly', model.period, ctx.locale)
        : bucketLabel(model.period);
    const bytes = statSync(path).size;
    if (values.json === true)
      printJson(ctx, { path, bytes, scorecard: model.scorecardName, period: model.period });
    else
      print(
        ctx,
        `Wrote ${basename(path)}: the board report of "${model.scorecardName}", ${period}.`,
      );
    return EXIT.ok;
  },
};

import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseCommandArgs, extensionOf } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import { progress } from '../context';
import { EXIT, problem, usageError } from '../errors';
import { withBackend } from '../session';

// `kpis new`: a workspace file, empty, a copy of the sample, or from one of the scorecard
// templates that come with the app (resources/templates/).

const SCORECARD_TEMPLATES = [
  'small-business',
  'saas',
  'services',
  'non-profit',
  'retail',
  'hospitality',
] as const;
const TEMPLATES = ['blank', 'sample', ...SCORECARD_TEMPLATES] as const;

const USAGE = `Usage: kpis new FILE.kpis [--template NAME] [--name TEXT] [--json]

Makes a new workspace file. It is refused if FILE already exists.

Options:
  --template NAME   blank (the default: one scorecard named like the workspace, with the
                    four balanced-scorecard perspectives), sample (a copy of the sample
                    workspace: a bakery with a year of data), or a scorecard template:
                    small-business, saas, services, non-profit, retail, hospitality
                    (perspectives, objectives, 12-20 KPIs from the library; targets and
                    owners left for you)
  --name TEXT       The workspace's name (default: the file name without .kpis)
  --json            Print {path, name, template} as JSON
  -h, --help        Show this help

Exit codes: 0 made, 1 the file exists or cannot be written, 2 bad usage.`;

export const newCommand: Command = {
  name: 'new',
  summary: 'Make a new workspace file (blank, the sample, or from a template)',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'new',
      argv,
      {
        template: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const file = parsed.positionals[0] ?? '';
    if (extensionOf(file) !== 'kpis')
      throw usageError(`A workspace file must end in .kpis; got "${file}".`);
    const template = (parsed.values.template ?? 'blank').trim().toLowerCase();
    if (!(TEMPLATES as readonly string[]).includes(template))
      throw usageError(
        `There is no template "${parsed.values.template ?? ''}". Known templates: ${TEMPLATES.join(', ')}.`,
      );
    const path = resolve(ctx.cwd, file);
    if (existsSync(path))
      throw problem(`${basename(path)} already exists; choose another name, or open that file.`);

    const info = await withBackend(ctx, async (session) => {
      if ((SCORECARD_TEMPLATES as readonly string[]).includes(template)) {
        progress(ctx, `Building the ${template} template…`);
        const name = parsed.values.name ?? basename(path, '.kpis');
        return session.call('template.createWorkspace', {
          templateId: `builtin:${template}`,
          name,
          path,
        });
      }
      if (template === 'blank') {
        const name = parsed.values.name ?? basename(path, '.kpis');
        const created = await session.call('workspace.create', { name, path });
        // Unlike the app's empty new workspace, one scorecard to import definitions into.
        await session.call('scorecard.create', { name });
        return created;
      }
      progress(ctx, 'Copying the sample workspace…');
      // The sample is built into the throwaway data folder, then copied to FILE by SQLite's
      // online backup, the app's "Save a copy".
      await session.call('workspace.openSample', {});
      if (parsed.values.name !== undefined)
        await session.call('workspace.rename', { name: parsed.values.name });
      await session.call('workspace.saveCopy', { path });
      return session.call('workspace.open', { path });
    });

    if (parsed.values.json === true) printJson(ctx, { path: info.path, name: info.name, template });
    else print(ctx, `Made ${info.path} ("${info.name}", ${template}).`);
    return EXIT.ok;
  },
};

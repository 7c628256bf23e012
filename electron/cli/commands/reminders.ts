import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { InboxItem } from '@shared/reminders/inbox';
import { INBOX_LIMIT } from '@shared/reminders/inbox-size';
import { parseCommandArgs, extensionOf } from '../args';
import { print, printJson, showHelp, type Command } from '../command';
import type { CliContext } from '../context';
import { EXIT, problem, usageError } from '../errors';
import { outputPath } from '../output-file';
import { attempt, openWorkspace, withBackend } from '../session';

// `kpis reminders`: what is due and overdue in one workspace (values to enter, review meetings,
// alerts), from the app's reminder schedule, and optionally its calendar (.ics). The command's
// own data folder holds only this workspace, so the inbox is this workspace's alone; what was
// snoozed or dismissed in the app is kept in the app's data folder and not applied here.

const USAGE = `Usage: kpis reminders FILE.kpis [--ics OUT.ics] [--yes] [--json]

Lists what is overdue and due now in a workspace: KPI values to enter (a grace period after
their period ends), review meetings, and alerts (a KPI or objective that turned worse, a
forecast that will miss its target). Times are in your time zone (TZ).

Options:
  --ics OUT.ics  Also write the next 90 days of due dates and reviews as a calendar file
  --yes          Replace OUT.ics if it exists
  --json         Print {workspace, counts, items} as JSON (items: overdue and due)
  -h, --help     Show this help

Exit codes: 0 listed (whether or not anything is due), 1 the file cannot be opened or
OUT.ics written, 2 bad usage.`;

export const remindersCommand: Command = {
  name: 'reminders',
  summary: 'List what is due and overdue; write the calendar (.ics)',
  usage: USAGE,
  async run(ctx, argv) {
    const parsed = parseCommandArgs(
      'reminders',
      argv,
      { ics: { type: 'string' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
      { min: 1, max: 1, names: 'one FILE.kpis' },
    );
    if (parsed === 'help') return showHelp(ctx, USAGE);
    const file = parsed.positionals[0] ?? '';
    const { values } = parsed;
    if (values.ics !== undefined && extensionOf(values.ics) !== 'ics')
      throw usageError(`--ics must name a .ics file; got "${values.ics}".`);
    const icsPath =
      values.ics === undefined ? null : outputPath(ctx, values.ics, values.yes === true);

    const { inbox, ics } = await withBackend(ctx, async (session) => {
      await openWorkspace(ctx, session, file);
      const where = { timeZone: ctx.timeZone, locale: ctx.locale };
      const listed = await attempt(() =>
        session.call('reminders.inbox', { ...where, limit: INBOX_LIMIT }),
      );
      const calendar =
        icsPath === null
          ? null
          : await attempt(() => session.call('reminders.exportIcs', { ...where, days: 90 }));
      return { inbox: listed, ics: calendar };
    });
    if (icsPath !== null && ics !== null) {
      try {
        writeFileSync(icsPath, ics.content);
      } catch (error) {
        throw problem(
          `${basename(icsPath)} could not be written (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    }

    const now = inbox.items.filter((item) => item.state === 'overdue' || item.state === 'due');
    if (values.json === true) {
      printJson(ctx, {
        workspace: file,
        timeZone: ctx.timeZone,
        counts: { overdue: inbox.counts.overdue, due: inbox.counts.due },
        items: now.map((item) => ({
          state: item.state,
          kind: item.kind,
          dueAt: item.dueAt,
          title: item.title,
          detail: item.detail,
          kpiId: item.kpiId,
          period: item.period,
          owner: item.owner,
        })),
        ics: icsPath,
      });
      return EXIT.ok;
    }
    print(ctx, `${basename(file)}: ${inbox.counts.overdue} overdue, ${inbox.counts.due} due now.`);
    for (const state of ['overdue', 'due'] as const) {
      const items = now.filter((item) => item.state === state);
      if (items.length === 0) continue;
      print(ctx);
      print(ctx, state === 'overdue' ? 'Overdue' : 'Due now');
      for (const item of items) print(ctx, `  ${line(ctx, item)}`);
    }
    if (icsPath !== null) {
      print(ctx);
      print(ctx, `Wrote the next 90 days to ${icsPath}.`);
    }
    return EXIT.ok;
  },
};

function line(ctx: CliContext, item: InboxItem): string {
  const due = new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ctx.timeZone,
  }).format(new Date(item.dueAt));
  const detail = item.detail.trim() === '' ? '' : ` — ${item.detail}`;
  return `${due}  ${item.title}${detail}`;
}

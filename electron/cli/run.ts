import type { Command } from './command';
import { print } from './command';
import type { CliContext } from './context';
import { ApiFailure, CliError, EXIT, fromApiFailure } from './errors';
import { exportCommand } from './commands/export';
import { healthCommand } from './commands/health';
import { importDefinitionsCommand } from './commands/import-definitions';
import { importCommand } from './commands/import-values';
import { libraryCommand } from './commands/library';
import { newCommand } from './commands/new';
import { remindersCommand } from './commands/reminders';
import { reportCommand } from './commands/report';
import { serverCommand } from './commands/server';
import { joinCommand, shareCommand, syncCommand } from './commands/sync';
import { statusCommand } from './commands/status';

// `kpis SUBCOMMAND …`: picks the subcommand, runs it, and turns any failure into one line on
// stderr and its exit code. Never throws.

const COMMANDS: readonly Command[] = [
  newCommand,
  statusCommand,
  importCommand,
  importDefinitionsCommand,
  exportCommand,
  reportCommand,
  remindersCommand,
  shareCommand,
  joinCommand,
  syncCommand,
  serverCommand,
  libraryCommand,
  healthCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `Usage: kpis COMMAND [options]   (kpis COMMAND --help for its options)

KPI Scorecard from a terminal: the same work as the app, on workspace files (.kpis).

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

A workspace open in the app (or in another kpis) is refused, and nothing is written without
--yes where the app would ask first.

Exit codes:
  0  done; for status: nothing is off track; for health: no finding of severity error
  1  problems found: a file is missing, not a workspace, from a newer version or open
     elsewhere; rows that cannot be imported; a report that could not be printed
  2  bad usage: an unknown command, option, scorecard, template or period
  3  status: something is off track; health: a finding of severity error is open

Options:
  -h, --help     Show this help
  -v, --version  Show the version`;
}

export async function runCli(ctx: CliContext, argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    ctx.stderr.write(`${usage()}\n`);
    return EXIT.usage;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : null;
    print(ctx, topic ? topic.usage : usage());
    return EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    print(ctx, ctx.appVersion);
    return EXIT.ok;
  }
  const command = COMMANDS.find((entry) => entry.name === name);
  if (!command) {
    ctx.stderr.write(
      `kpis: there is no command "${name}". Commands: ${COMMANDS.map((entry) => entry.name).join(', ')}. See: kpis --help\n`,
    );
    return EXIT.usage;
  }
  try {
    return await command.run(ctx, rest);
  } catch (error) {
    const failure =
      error instanceof CliError
        ? error
        : error instanceof ApiFailure
          ? fromApiFailure(error)
          : null;
    if (failure) {
      ctx.stderr.write(`kpis ${command.name}: ${failure.message}\n`);
      return failure.exitCode;
    }
    ctx.stderr.write(
      `kpis ${command.name}: an unexpected error stopped the command (${error instanceof Error ? (error.stack ?? error.message) : String(error)}).\n`,
    );
    return EXIT.problems;
  }
}

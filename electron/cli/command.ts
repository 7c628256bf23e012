import type { CliContext } from './context';

// A subcommand: its help (printed by `kpis NAME --help`) and what it does, returning the exit
// code. Failures are thrown as CliError (errors.ts) and printed by run.ts.

export interface Command {
  name: string;
  /** One line for `kpis --help`. */
  summary: string;
  usage: string;
  run(ctx: CliContext, argv: readonly string[]): Promise<number>;
}

/** JSON for scripts: one document on stdout. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(ctx: CliContext, line = ''): void {
  ctx.stdout.write(`${line}\n`);
}

/** `kpis NAME --help`: the usage on stdout, exit 0. */
export function showHelp(ctx: CliContext, usage: string): number {
  print(ctx, usage);
  return 0;
}

// Asking before writing, where the app would ask.
import { createInterface } from 'node:readline/promises';
import type { CliContext } from './context';

/**
 * Whether to write after a dry run when neither --yes nor --dry-run was given: the answer to a
 * y/N question on a terminal, else no (a script must say --yes).
 */
export async function askToApply(
  ctx: CliContext,
  json: boolean,
  question: string,
): Promise<boolean> {
  if (json || ctx.confirm === null || !ctx.stdout.isTTY) return false;
  return ctx.confirm(`${question} [y/N] `);
}

/** A y/N question on the process's terminal (stdin/stdout); anything but y or yes is no. */
export async function terminalConfirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/iu.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}

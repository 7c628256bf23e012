// Asking before writing, where the app would ask.
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

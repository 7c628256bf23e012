import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';

// Each subcommand's flags, parsed strictly: an unknown option or a missing value is bad usage
// (exit 2) with a pointer to the subcommand's help.

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export function parseCommandArgs<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
  positionals: { min: number; max: number; names: string },
): Parsed<O> | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(`${message.replace(/\.?$/u, '.')} See: kpis ${command} --help`);
  }
  if ((parsed.values as Record<string, unknown>).help === true) return 'help';
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    const what = count < positionals.min ? 'needs' : 'takes only';
    throw usageError(`kpis ${command} ${what} ${positionals.names}. See: kpis ${command} --help`);
  }
  return parsed;
}

/** One of a fixed set of words (case-insensitive), or bad usage naming the choices. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (found === undefined)
    throw usageError(`${flag} must be ${choices.join(', ')}; got "${value}".`);
  return found;
}

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]+)$/u.exec(path);
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * The desktop app's `--cli`: the arguments after it, or null when the app was started as the
 * desktop app. Everything after `--cli` is the command's, even words that look like flags.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--cli');
  return index === -1 ? null : argv.slice(index + 1);
}

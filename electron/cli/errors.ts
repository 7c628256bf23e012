import type { ApiErrorBody, ErrorCode } from '@shared/api/errors';

// How a command ends when it cannot do its work: one line for the user and the exit code a
// script tests. The codes are documented in `kpis --help` and the README.

export const EXIT = {
  ok: 0,
  /** Problems found: the file is missing, foreign, newer or locked; rows could not be imported. */
  problems: 1,
  /** Bad usage: an unknown option, subcommand, scorecard, template or period. */
  usage: 2,
  /** `kpis status`: something is off track; `kpis health`: a finding of severity error. */
  offTrack: 3,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

export function problem(message: string): CliError {
  return new CliError(message, EXIT.problems);
}

/** A call the backend refused: the caller's arguments (usage) or the files (problems). */
const USAGE_CODES: readonly ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'UNKNOWN_METHOD'];

export class ApiFailure extends Error {
  constructor(
    readonly method: string,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiFailure';
  }
}

/** The refusal as the user reads it; `hint` says what to do when the message does not. */
export function fromApiFailure(failure: ApiFailure, hint?: string): CliError {
  const { body } = failure;
  const text = body.message.replace(/\.?$/u, '.');
  return new CliError(
    hint ? `${text} ${hint}` : text,
    USAGE_CODES.includes(body.code) ? EXIT.usage : EXIT.problems,
  );
}

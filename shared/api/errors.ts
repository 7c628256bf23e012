// Errors travel in a result envelope (STYLE.md pattern 4): the backend never throws across the
// API boundary; the client turns a failure back into an ApiError that views can show.

export const ERROR_CODES = [
  /** The input did not pass the method's schema or a business rule; `field` names where. */
  'VALIDATION',
  /** A referenced record does not exist (any more). */
  'NOT_FOUND',
  /** The change would break a uniqueness or structural rule (duplicate code, cycle). */
  'CONFLICT',
  /** The method needs an open workspace and none is open. */
  'NO_WORKSPACE',
  /** The file is not a KPI Scorecard workspace (foreign SQLite file, image, truncated file). */
  'NOT_A_WORKSPACE',
  /** The file was written by a newer version of the app; it is left untouched. */
  'NEWER_VERSION',
  /** Another window or process has the workspace open for writing. */
  'WORKSPACE_LOCKED',
  /** The file or folder does not exist or cannot be read or written. */
  'FILE_ERROR',
  /** A long operation (an import being applied) holds the workspace; try again when it ends. */
  'BUSY',
  /** No such API method. */
  'UNKNOWN_METHOD',
  /** The call was refused before reaching the backend (browser-mode token, origin). */
  'FORBIDDEN',
  /** Team sync could not reach its server, or lost it mid-way: try again later (the outbox waits). */
  'SYNC_OFFLINE',
  /** The sync server refused: login, schema, space, role; the message says which. */
  'SYNC_REFUSED',
  /** A bug: the message is generic, the details are logged. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `thresholds.atRisk`. */
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  /** A sentence a user can act on. */
  message: string;
  /** The first offending field, when there is one. */
  field?: string;
  /** Every offending field, for forms that show all messages at once. */
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: FieldIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues ?? (body.field ? [{ field: body.field, message: body.message }] : []);
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.issues.length > 0) body.issues = this.issues;
    return body;
  }

  /** The message for one field, for inline form errors. */
  messageFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.message;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(record.code) &&
    typeof record.message === 'string'
  );
}

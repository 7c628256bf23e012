import type { z } from 'zod';
import { ApiError, type FieldIssue } from '@shared/api/errors';

// Turns zod issues into the API's VALIDATION error: every issue with the dotted path of its
// field, and a top-level message that says which field it is about.

type Path = readonly PropertyKey[];

function fieldOf(path: Path): string {
  return path.map(String).join('.');
}

function words(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * "thresholds.atRisk" → "Thresholds at risk"; "entries.3.period" → "Entries #4 period";
 * "patch.target" → "Target" (a patch edits the KPI's own fields).
 */
export function fieldLabel(field: string): string {
  const label = field
    .replace(/^patch\./, '')
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? `#${Number(segment) + 1}` : words(segment)))
    .join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function toFieldIssues(issue: z.core.$ZodIssue, raw: unknown, method: string): FieldIssue[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      field: fieldOf([...issue.path, key]),
      message: `"${key}" is not a field of ${method}`,
    }));
  const field = fieldOf(issue.path);
  if (issue.path.length === 0 && issue.code === 'invalid_type')
    return [{ field, message: `The parameters of ${method} must be an object` }];
  if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined)
    return [{ field, message: `${fieldLabel(field)} is required` }];
  return [{ field, message: issue.message }];
}

/** Builds one VALIDATION error from field issues (at least one). */
export function validationError(issues: FieldIssue[]): ApiError {
  const [first] = issues;
  if (!first) return new ApiError({ code: 'VALIDATION', message: 'The input is not valid.' });
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : '';
  const where = first.field === '' ? '' : `${fieldLabel(first.field)}: `;
  return new ApiError({
    code: 'VALIDATION',
    message: `${where}${first.message}${more}`,
    ...(first.field === '' ? {} : { field: first.field }),
    issues,
  });
}

export function zodValidationError(error: z.ZodError, raw: unknown, method: string): ApiError {
  return validationError(error.issues.flatMap((issue) => toFieldIssues(issue, raw, method)));
}

import type { z } from 'zod';
import { fieldLabel } from '../validation';

// Where in a library or template file a problem is, in the words of the file itself: the
// objective and KPI by name, not "scorecard.perspectives.0.objectives.2.kpis.1".

function named(node: unknown): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const record = node as Record<string, unknown>;
  const name = typeof record.name === 'string' ? record.name : null;
  const code =
    typeof record.code === 'string'
      ? record.code
      : typeof record.library === 'string'
        ? record.library
        : null;
  if (name !== null && code !== null) return `"${name}" (${code})`;
  if (name !== null) return `"${name}"`;
  if (code !== null) return `"${code}"`;
  return null;
}

const KINDS: Record<string, string> = {
  perspectives: 'perspective',
  objectives: 'objective',
  kpis: 'KPI',
  links: 'link',
};

/** "objective "Grow revenue" › KPI "Revenue" (revenue) › Direction". */
export function issuePlace(document: unknown, issue: z.core.$ZodIssue): string {
  const parts: string[] = [];
  let node: unknown = document;
  let field: string[] = [];
  for (let index = 0; index < issue.path.length; index += 1) {
    const key = String(issue.path[index]);
    const next = issue.path[index + 1];
    const container = (node as Record<string, unknown> | null)?.[key];
    if (key in KINDS && typeof next === 'number') {
      const item = Array.isArray(container) ? (container as unknown[])[next] : undefined;
      parts.push(`${KINDS[key] ?? key} ${named(item) ?? `#${next + 1}`}`);
      node = item;
      field = [];
      index += 1;
      continue;
    }
    field.push(key);
    node = container;
  }
  if (field.length > 0 && field.join('.') !== 'scorecard') parts.push(fieldLabel(field.join('.')));
  return parts.join(' › ');
}

/** The first problem of a failed parse, placed: "objective "X" › KPI #2 › Direction: …". */
export function firstIssue(document: unknown, error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'it is not valid';
  const place = issuePlace(document, issue);
  return place === '' ? issue.message : `${place}: ${issue.message}`;
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '@shared/api/contract';
import { filesNamed } from '../../../electron/backend/files/method-files';

// The file check in the dispatcher sees every path a method can name: a method added to the
// contract with a path field that filesNamed does not know fails here.

/** Dotted names of every field in a JSON schema whose name says it holds a file path. */
function pathFields(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as {
    properties?: Record<string, unknown>;
    anyOf?: unknown[];
    oneOf?: unknown[];
    allOf?: unknown[];
  };
  const found: string[] = [];
  for (const [name, field] of Object.entries(node.properties ?? {})) {
    if (/path$/iu.test(name)) found.push(`${prefix}${name}`);
    found.push(...pathFields(field, `${prefix}${name}.`));
  }
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    found.push(...pathFields(branch, prefix));
  return found;
}

function sampleValue(field: string): Record<string, unknown> {
  const parts = field.split('.');
  const leaf = parts.pop() as string;
  let value: Record<string, unknown> = { [leaf]: '/marker/file' };
  if (parts.includes('destination')) value = { ...value, kind: 'file' };
  for (const part of parts.reverse()) value = { [part]: value };
  return value;
}

/** Path fields that never reach the disk. */
const NOT_FILES = new Set([
  // Removes an entry from the recent list; the file itself is not touched.
  'workspace.forgetRecent: path',
]);

describe('files named by API methods', () => {
  it('knows every path field of the contract', () => {
    const unknown: string[] = [];
    for (const method of METHOD_NAMES) {
      const schema = z.toJSONSchema(contract[method].input, {
        io: 'input',
        unrepresentable: 'any',
      });
      for (const field of new Set(pathFields(schema))) {
        const named = filesNamed(method, sampleValue(field));
        const label = `${method}: ${field}`;
        if (!NOT_FILES.has(label) && !named.some((file) => file.path === '/marker/file'))
          unknown.push(label);
      }
    }
    expect(unknown).toEqual([]);
  });
});

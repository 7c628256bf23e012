import { z } from 'zod';
import { MAX_BATCH_CALLS, type BatchCall } from '@shared/api/batch';

// The body of a batch of API calls (shared/api/batch.ts), checked before any call is made: a
// malformed batch makes none.

const batchSchema = z.strictObject({
  calls: z
    .array(z.strictObject({ method: z.string(), params: z.unknown() }))
    .min(1)
    .max(MAX_BATCH_CALLS),
});

/** The calls of a batch body, or what is wrong with it and where. */
export function readBatch(body: unknown): { calls: BatchCall[] } | { problem: string } {
  const parsed = batchSchema.safeParse(body);
  if (parsed.success)
    return { calls: parsed.data.calls.map(({ method, params }) => ({ method, params })) };
  const [issue] = parsed.error.issues;
  const where = (issue?.path ?? [])
    .map((part) => (typeof part === 'number' ? `[${String(part)}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return {
    problem: `The batch of calls is malformed${where ? ` at ${where}` : ''}: ${issue?.message ?? 'it is not an object with "calls"'} (it holds 1 to ${String(MAX_BATCH_CALLS)} calls, each a method name and its params).`,
  };
}

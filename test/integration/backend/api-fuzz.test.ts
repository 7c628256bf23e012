import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '@shared/api/contract';
import { browserFileAccess, createBackend } from '../../../electron/backend';
import { SAMPLE_FIXTURE, tempDir } from './helpers';

// Every API method, called with inputs generated from its contract: the field names and enum
// values its schema declares, filled with ids of real records, near-miss strings and numbers,
// and anything JSON can hold. Whatever comes in, the answer is a result envelope, never
// INTERNAL, never a crash, never a hang. 1,000 calls in the normal run; KPIS_FUZZ_RUNS for
// more (10,000 in the nightly run).

const RUNS = Number(process.env.KPIS_FUZZ_RUNS ?? 1_000);
const CALL_TIMEOUT_MS = 10_000;

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  type?: string | string[];
}

function schemaOf(method: MethodName): JsonSchema {
  try {
    return z.toJSONSchema(contract[method].input, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchema;
  } catch {
    return {};
  }
}

/** Values that look like what a field of this schema wants, and some that almost do. */
function valueFor(schema: JsonSchema, ids: () => string[], depth: number): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('', ' ', '2026-01', '2026-Q1', '2026', 'FY2027', '2026-W05', '2026-01-31'),
    fc.constantFrom(0, -1, 1, 1e300, -1e300, 1.7e308, 2 ** 53, 0.5, 100),
    fc.constant(null),
    fc.constantFrom(...ids()),
    fc.string({ maxLength: 30 }),
  ];
  const choices = [...(schema.enum ?? []), ...(schema.const === undefined ? [] : [schema.const])];
  if (choices.length > 0) options.push(fc.constantFrom(...choices));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    if (depth < 3) options.push(valueFor(branch, ids, depth + 1));
  if (schema.properties && depth < 3) options.push(objectFor(schema, ids, depth + 1));
  if (schema.items && depth < 3)
    options.push(fc.array(valueFor(schema.items, ids, depth + 1), { maxLength: 3 }));
  return fc.oneof(...options);
}

function objectFor(schema: JsonSchema, ids: () => string[], depth: number): fc.Arbitrary<unknown> {
  const fields = Object.entries(schema.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, field] of fields) record[name] = valueFor(field, ids, depth);
  return fc.record(record, { requiredKeys: [] });
}

function paramsFor(method: MethodName, ids: () => string[]): fc.Arbitrary<unknown> {
  const schema = schemaOf(method);
  return fc.oneof(
    { weight: 4, arbitrary: objectFor(schema, ids, 0) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

describe('every API method under generated input', () => {
  it(`answers ${RUNS} generated calls without INTERNAL, a crash or a hang`, async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const workspacesDir = join(dataDir, 'workspaces');
    mkdirSync(workspacesDir, { recursive: true });
    const logged: unknown[] = [];
    const backend = createBackend({
      mode: 'browser',
      appVersion: 'fuzz',
      dataDir,
      workspacesDir,
      samplePath: SAMPLE_FIXTURE,
      userName: 'fuzz',
      importWorkerPath: inject('importWorkerPath'),
      // Generated paths must never reach the disk outside the test's folders.
      fileAccess: browserFileAccess({ uploadDir: join(dataDir, 'uploads'), workspacesDir }),
      log: (message, error) => logged.push({ message, error }),
    });
    let ids: string[] = ['00000000-0000-4000-8000-000000000000'];
    const refreshIds = async () => {
      const tree = await backend.dispatch('kpi.list', {});
      const cards = await backend.dispatch('scorecard.list', {});
      const found = [
        ...(tree.ok ? (tree.data as { id: string; objectiveId: string }[]) : []).flatMap((k) => [
          k.id,
          k.objectiveId,
        ]),
        ...(cards.ok ? (cards.data as { id: string }[]) : []).map((c) => c.id),
      ];
      if (found.length > 0) ids = found.slice(0, 50);
    };
    const ensureWorkspace = async () => {
      const current = await backend.dispatch('workspace.current', {});
      if (current.ok && current.data !== null) return;
      const opened = await backend.dispatch('workspace.openSample', {});
      expect(opened.ok).toBe(true);
      await refreshIds();
    };
    await ensureWorkspace();
    let passed = 0;
    const answered = new Set<string>();

    try {
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...METHOD_NAMES)
            .chain((method) => paramsFor(method, () => ids).map((params) => ({ method, params }))),
          async ({ method, params }) => {
            await ensureWorkspace();
            let timer: NodeJS.Timeout | undefined;
            const result = await Promise.race([
              backend.dispatch(method, params),
              new Promise<'hang'>((resolve) => {
                timer = setTimeout(() => {
                  resolve('hang');
                }, CALL_TIMEOUT_MS);
              }),
            ]);
            clearTimeout(timer);
            expect(result, `${method} did not answer`).not.toBe('hang');
            if (result === 'hang') return;
            expect(typeof result.ok).toBe('boolean');
            answered.add(method);
            if (result.ok) passed += 1;
            if (!result.ok)
              expect(result.error.code, `${method} ${JSON.stringify(params)}`).not.toBe('INTERNAL');
            // An import left open would answer BUSY to everything after it.
            if (method === 'import.start' && result.ok) {
              const jobId = (result.data as { id: string }).id;
              await backend.dispatch('import.cancel', { jobId });
            }
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      backend.close();
    }
    expect(logged).toEqual([]);
    // The inputs reach the handlers, not only the schemas' refusals.
    console.log(`fuzz: ${passed} of ${RUNS} calls succeeded, ${answered.size} methods called`);
    expect(passed).toBeGreaterThan(RUNS * 0.05);
    expect(answered.size).toBeGreaterThan(Math.min(METHOD_NAMES.length, RUNS / 20) * 0.8);
  }, 600_000);
});

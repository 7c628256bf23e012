import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackage } from '@shared/transfer/package-reader';
import { MAX_PACKAGE_BYTES } from '@shared/transfer/package-schema';
import { minimalPackage } from './package-fixture';

// The package reader faces files from other machines: it must refuse anything hostile or
// broken with a message, never crash, never hang, never let a polluting key through.

describe('package reader', () => {
  it('reads back what was written', () => {
    const pkg = minimalPackage();
    expect(readPackage(JSON.stringify(pkg))).toEqual({ ok: true, package: pkg });
  });

  it('reads a package saved with a byte-order mark by a Windows editor', () => {
    const pkg = minimalPackage();
    expect(readPackage(`\uFEFF${JSON.stringify(pkg, null, 2)}`)).toEqual({
      ok: true,
      package: pkg,
    });
  });

  it.each([
    [
      '__proto__',
      (json: string) => json.replace('"unit":', '"__proto__": {"polluted": true}, "unit":'),
    ],
    [
      'constructor',
      (json: string) => json.replace('"owner":', '"constructor": {"name": "Object"}, "owner":'),
    ],
    ['prototype', (json: string) => json.replace('"scope":', '"prototype": 1, "scope":')],
  ])('refuses a package with a %s key anywhere, before reading it', (key, poison) => {
    const result = readPackage(poison(JSON.stringify(minimalPackage())));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`"${key}"`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a package from a newer version with "update the app"', () => {
    const result = readPackage(
      JSON.stringify({ ...minimalPackage(), formatVersion: 3, newSection: [] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        /newer version of KPI Scorecard \(package format 3.*Update the app/,
      );
  });

  it('refuses malformed JSON and other files with a message saying what they are not', () => {
    const broken = readPackage(JSON.stringify(minimalPackage()).slice(0, 200));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/^The package is not valid JSON/);
    const other = readPackage('{"name": "a package.json of some npm project"}');
    if (!other.ok) expect(other.message).toMatch(/not a KPI Scorecard package/);
    expect(other.ok).toBe(false);
  });

  it('refuses text over the size limit without parsing it', () => {
    const huge = ' '.repeat(MAX_PACKAGE_BYTES + 1);
    const started = performance.now();
    const result = readPackage(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('200 MiB');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses deeply nested JSON without crashing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(readPackage(deep).ok).toBe(false);
  });

  it('any string gives a package or a message, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = readPackage(text);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2_000 },
    );
  });

  it('any JSON value gives a package or a message, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = readPackage(JSON.stringify(value));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a valid package with one field changed to anything is read or refused, never thrown', () => {
    const pkg = minimalPackage();
    const paths: [string, ...(string | number)[]][] = [
      ['workspace', 'name'],
      ['scorecards', 0, 'parentId'],
      ['kpis', 0, 'thresholds'],
      ['kpis', 0, 'targetPlan'],
      ['kpis', 0, 'frequency'],
      ['values', 1, 'value'],
      ['values', 0, 'period'],
      ['formatVersion'],
      ['scope'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) => {
        const copy = structuredClone(pkg) as unknown as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = copy;
        for (const part of path.slice(0, -1)) at = at[part] as Record<string | number, unknown>;
        at[path[path.length - 1] as string | number] = replacement;
        const result = readPackage(JSON.stringify(copy));
        if (!result.ok) expect(result.message).toMatch(/^(The package|This package|This is not)/);
      }),
      { numRuns: 1_000 },
    );
  });
});

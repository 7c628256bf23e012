import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  kpiPackageSchema,
  packageJsonSchema,
  PACKAGE_FORMAT,
} from '@shared/transfer/package-schema';
import { readPackage } from '@shared/transfer/package-reader';
import { minimalPackage } from './package-fixture';

// The published schema is generated from the zod schema; the committed file must match it.
// After changing the package format, regenerate it with:
//   KPIS_WRITE_SCHEMA=1 npx vitest run test/unit/transfer/package-schema.test.ts

const SCHEMA_FILE = fileURLToPath(
  new URL('../../../resources/schema/kpis-package-2.schema.json', import.meta.url),
);

describe('package schema', () => {
  it('the committed JSON Schema is the one the code defines', async () => {
    const current = packageJsonSchema();
    if (process.env.KPIS_WRITE_SCHEMA === '1') {
      const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
      writeFileSync(
        SCHEMA_FILE,
        await format(JSON.stringify(current), { ...options, parser: 'json' }),
      );
    }
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(current);
  });

  it('the JSON Schema names the format and requires the core sections', () => {
    const schema = packageJsonSchema() as {
      required: string[];
      properties: Record<string, { const?: unknown }>;
    };
    expect(schema.properties.format?.const).toBe(PACKAGE_FORMAT);
    expect(schema.required).toEqual(
      expect.arrayContaining(['formatVersion', 'scorecards', 'kpis', 'values']),
    );
    expect(schema.required).not.toContain('actionPlans');
  });

  it('accepts a minimal package, with or without action plans', () => {
    expect(kpiPackageSchema.safeParse(minimalPackage()).success).toBe(true);
    const withPlans = { ...minimalPackage(), actionPlans: [] };
    expect(kpiPackageSchema.safeParse(withPlans).success).toBe(true);
  });

  it('refuses an unknown field rather than dropping it, naming where it is', () => {
    const pkg = minimalPackage();
    const result = readPackage(
      JSON.stringify({ ...pkg, kpis: [{ ...pkg.kpis[0], colour: 'red' }] }),
    );
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/kpis\[0\].*colour/);
  });

  it('refuses a KPI whose thresholds contradict its direction, naming the field', () => {
    const pkg = minimalPackage();
    const kpi = {
      ...pkg.kpis[0],
      thresholds: { mode: 'percent_of_target', onTrack: 80, atRisk: 95 },
    };
    const result = readPackage(JSON.stringify({ ...pkg, kpis: [kpi] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('kpis[0].thresholds.atRisk');
  });

  it('refuses dangling references and duplicate codes', () => {
    const pkg = minimalPackage();
    const orphan = readPackage(
      JSON.stringify({
        ...pkg,
        values: [{ ...pkg.values[0], kpiId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }],
      }),
    );
    expect(orphan).toMatchObject({ ok: false });
    if (!orphan.ok) expect(orphan.message).toContain('values[0] is for a KPI');
    const kpi = pkg.kpis[0];
    if (!kpi) throw new Error('fixture has no KPI');
    const twin = { ...kpi, id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' };
    const duplicate = readPackage(JSON.stringify({ ...pkg, kpis: [kpi, twin] }));
    if (!duplicate.ok) expect(duplicate.message).toContain(`KPI code "${kpi.code}"`);
    expect(duplicate.ok).toBe(false);
  });

  it('accepts reminder settings for its own KPIs and refuses them for a KPI it lacks', () => {
    const pkg = minimalPackage();
    const kpiId = pkg.kpis[0]?.id ?? '';
    const settings = (id: string) => ({
      defaults: null,
      kpiOverrides: [{ kpiId: id, mode: 'custom', graceDays: 3, timeOfDay: '07:45' }],
      reviewSchedules: [],
    });
    expect(readPackage(JSON.stringify({ ...pkg, reminderSettings: settings(kpiId) })).ok).toBe(
      true,
    );
    const stray = readPackage(
      JSON.stringify({
        ...pkg,
        reminderSettings: settings('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'),
      }),
    );
    expect(stray.ok).toBe(false);
    if (!stray.ok) expect(stray.message).toContain('reminderSettings.kpiOverrides[0]');
  });

  it('refuses a value whose period is not of its KPI frequency', () => {
    const pkg = minimalPackage();
    const result = readPackage(
      JSON.stringify({ ...pkg, values: [{ ...pkg.values[0], period: '2026-Q1' }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('"2026-Q1" is not a monthly period');
  });
});

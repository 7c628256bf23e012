import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBackend } from '../backend/helpers';
import { buildOnce, kpis, tempDir } from './harness';

// `kpis health FILE [--json]` spawned as a user runs it, on a copy of the shipped sample: each
// finding with its severity and what it concerns; exit 3 once a finding of severity error is
// open; dismissals made in the app listed apart with their reason; refusals as elsewhere.

vi.setConfig({ testTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface HealthJson {
  counts: { error: number; warning: number; info: number };
  findings: {
    key: string;
    severity: string;
    rule: string;
    message: string;
    concerns: { kind: string; id: string; name: string };
    scorecard: { name: string } | null;
  }[];
  dismissed: { key: string; reason: string }[];
}

async function sampleCopy(name: string): Promise<string> {
  const made = await kpis(dir, ['new', name, '--template', 'sample']);
  expect(made).toMatchObject({ code: 0 });
  return join(dir, name);
}

describe('kpis health', () => {
  it('lists the sample findings with severity and subject, and exits 0 with no error', async () => {
    const file = await sampleCopy('clean.kpis');
    const run = await kpis(dir, ['health', 'clean.kpis', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as HealthJson;
    expect(body.counts.error).toBe(0);
    expect(body.findings.length).toBe(body.counts.warning + body.counts.info);
    for (const finding of body.findings) {
      expect(['warning', 'info']).toContain(finding.severity);
      expect(finding.message).toContain(finding.concerns.name);
      expect(['kpi', 'objective', 'perspective', 'scorecard']).toContain(finding.concerns.kind);
    }

    const table = await kpis(dir, ['health', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Health check of clean\.kpis: 0 errors, \d+ warnings/mu);
    expect(table.stdout).toContain('Severity');
  });

  it('exits 3 on an error finding, and lists a dismissal made in the app with its reason', async () => {
    const file = await sampleCopy('summed.kpis');
    const app = makeBackend();
    await app.call('workspace.open', { path: file });
    const percent = (await app.call('kpi.list', {})).find((k) => k.unit.format === 'percent');
    if (!percent) throw new Error('the sample has no percent KPI');
    await app.call('kpi.update', { id: percent.id, patch: { aggregation: 'sum' } });
    const before = await app.call('health.check', {});
    const other = before.findings.find((f) => f.severity !== 'error');
    if (!other) throw new Error('the sample has no finding to dismiss');
    await app.call('health.dismiss', { key: other.key, reason: 'Agreed with the board' });
    await app.call('workspace.close', {});

    const run = await kpis(dir, ['health', 'summed.kpis', '--json']);
    expect(run.code).toBe(3);
    const body = JSON.parse(run.stdout) as HealthJson;
    expect(body.counts.error).toBe(1);
    expect(body.findings[0]).toMatchObject({
      severity: 'error',
      rule: 'ratio_summed',
      concerns: { kind: 'kpi', id: percent.id, name: percent.name },
    });
    expect(body.findings.map((f) => f.key)).not.toContain(other.key);
    expect(body.dismissed).toMatchObject([{ key: other.key, reason: 'Agreed with the board' }]);

    const table = await kpis(dir, ['health', 'summed.kpis']);
    expect(table.code).toBe(3);
    expect(table.stdout).toContain(`Error     ${percent.name} is summed over time`);
    expect(table.stdout).toContain('— Agreed with the board');
  });

  it('refuses a missing file (1) and bad usage (2)', async () => {
    const missing = await kpis(dir, ['health', 'nowhere.kpis']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kpis health: .*nowhere\.kpis/u);
    const usage = await kpis(dir, ['health', 'a.kpis', '--csv']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('See: kpis health --help');
    const help = await kpis(dir, ['health', '--help']);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('Usage: kpis health FILE.kpis [--json]');
  });
});

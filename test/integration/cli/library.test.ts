import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, kpis, tempDir } from './harness';

// `kpis library` and `kpis new --template`, spawned as a user runs them.

vi.setConfig({ testTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  await buildOnce();
  dir = tempDir();
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kpis library', () => {
  it('lists one department with codes, units, directions and formulas in library codes', async () => {
    const run = await kpis(dir, ['library', '--department', 'Sales']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Code\s+Name\s+Department\s+Unit\s+Direction\s+Frequency\s+Formula$/u,
    );
    const cac = lines.find((line) => line.startsWith('cac '));
    expect(cac).toMatch(
      /^cac\s+Customer acquisition cost \(CAC\)\s+Sales\s+currency\s+lower is better\s+monthly\s+sales_marketing_spend \/ new_customers$/u,
    );
    expect(lines.every((line) => !/\bFinance\b/u.test(line))).toBe(true);
    expect(run.stdout).toMatch(/^\d+ KPIs\.$/mu);
  });

  it('prints the whole library as JSON for scripts', async () => {
    const run = await kpis(dir, ['library', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as {
      code: string;
      name: string;
      department: string;
      unit: { format: string };
      direction: string;
      formula: string | null;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(120);
    const margin = list.find((kpi) => kpi.code === 'net_profit_margin');
    expect(margin).toMatchObject({
      name: 'Net profit margin',
      department: 'finance',
      unit: { format: 'percent' },
      direction: 'higher_is_better',
      formula: 'net_profit / revenue * 100',
    });
    expect(new Set(list.map((kpi) => kpi.department)).size).toBeGreaterThanOrEqual(10);
  });

  it('accepts a department written as people write it, and refuses an unknown one', async () => {
    const spaced = await kpis(dir, ['library', '--department', 'customer service', '--json']);
    expect(spaced.code).toBe(0);
    const codes = (JSON.parse(spaced.stdout) as { department: string }[]).map((k) => k.department);
    expect(new Set(codes)).toEqual(new Set(['customer-service']));
    const unknown = await kpis(dir, ['library', '--department', 'astrology']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('There is no department "astrology" in the library.');
    expect(unknown.stderr).toContain('customer-service');
  });
});

describe('kpis new --template', () => {
  it.each(['small-business', 'saas', 'services', 'non-profit', 'retail', 'hospitality'])(
    'makes a workspace from the %s template',
    async (template) => {
      const file = `${template}.kpis`;
      const run = await kpis(dir, ['new', file, '--template', template, '--name', 'Client']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`("Client", ${template})`);
      const db = new Database(join(dir, file), { readonly: true });
      try {
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        expect(count('SELECT count(*) AS n FROM kpis')).toBeGreaterThanOrEqual(12);
        expect(count('SELECT count(*) AS n FROM kpis')).toBeLessThanOrEqual(20);
        expect(count('SELECT count(*) AS n FROM objectives')).toBeGreaterThanOrEqual(5);
        expect(count('SELECT count(*) AS n FROM scorecards')).toBe(1);
      } finally {
        db.close();
      }
    },
  );

  it('names the templates when given one that does not exist', async () => {
    const run = await kpis(dir, ['new', 'x.kpis', '--template', 'bakery']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Known templates: blank, sample, small-business, saas, services, non-profit, retail, hospitality.',
    );
  });
});

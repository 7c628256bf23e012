import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryProblems, libraryUnit, formulaCodes } from '@shared/library/check';
import { filterLibrary, type LibraryFilter } from '@shared/library/filter';
import { LIBRARY_DEPARTMENTS } from '@shared/library/departments';
import { libraryFileSchema, type LibraryKpi } from '@shared/library/schema';
import { parseFormula } from '@shared/formula/parser';
import { evaluateFormula } from '@shared/formula/evaluate';
import { defaultAggregation, measureNature } from '@shared/scoring/default-aggregation';

// The shipped KPI library (resources/library/) as a user meets it: enough KPIs in every
// department, formulas that parse and whose inputs are in the library, aggregations that agree
// with the app's own rule, and the seed formulas of PRODUCT.md computing what they should.

const folder = join(process.cwd(), 'resources', 'library');
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
const kpis: LibraryKpi[] = files.flatMap((file) => {
  const json = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
  return libraryFileSchema.parse(json).kpis;
});
const byCode = new Map(kpis.map((kpi) => [kpi.code, kpi]));

function compute(code: string, inputs: Record<string, number>): number | null {
  const formula = byCode.get(code)?.formula;
  if (formula === undefined) throw new Error(`${code} has no formula`);
  return evaluateFormula(parseFormula(formula), (name) => inputs[name] ?? null);
}

describe('the shipped KPI library', () => {
  it('has at least 120 KPIs, and at least 10 in each department the issue names', () => {
    expect(kpis.length).toBeGreaterThanOrEqual(120);
    for (const department of LIBRARY_DEPARTMENTS) {
      const count = kpis.filter((kpi) => kpi.department === department).length;
      expect(count, department).toBeGreaterThanOrEqual(10);
    }
  });

  it('is sound as a whole: unique codes, formulas parse, inputs exist, units agree', () => {
    expect(libraryProblems(kpis)).toEqual([]);
  });

  it('names in every formula only KPIs of the library', () => {
    const calculated = kpis.filter((kpi) => kpi.formula !== undefined);
    expect(calculated.length).toBeGreaterThanOrEqual(50);
    for (const kpi of calculated)
      for (const input of formulaCodes(kpi.formula))
        expect(byCode.has(input), `${kpi.code} needs ${input}`).toBe(true);
  });

  it('measures the inputs of every formula at one frequency, and sums no rate over time', () => {
    // What the health check calls errors must not come from the library itself.
    for (const kpi of kpis) {
      const frequencies = new Set(
        formulaCodes(kpi.formula).map((input) => byCode.get(input)?.frequency),
      );
      expect(frequencies.size, kpi.code).toBeLessThanOrEqual(1);
      const unit = libraryUnit(kpi, 'EUR');
      if (kpi.aggregation === 'sum')
        expect(measureNature({ name: kpi.name, unit }), kpi.code).not.toBe('ratio');
    }
  });

  it("aggregates every KPI the app's way, or says why not", () => {
    for (const kpi of kpis) {
      const proposed = defaultAggregation({ name: kpi.name, unit: libraryUnit(kpi, 'EUR') });
      if (kpi.aggregation !== proposed) expect(kpi.aggregationNote, kpi.code).toBeDefined();
      // A percent is never summed over time, whatever the note says.
      if (kpi.unit.format === 'percent') expect(kpi.aggregation, kpi.code).toBe('average');
    }
  });

  it('describes every KPI with what it measures and why, and has a leading mix', () => {
    for (const kpi of kpis) expect(kpi.description.length, kpi.code).toBeGreaterThanOrEqual(30);
    const leading = kpis.filter((kpi) => kpi.timing === 'leading').length;
    expect(leading / kpis.length).toBeGreaterThan(0.25);
  });

  it('computes the seed formulas of PRODUCT.md as written there', () => {
    expect(compute('net_profit_margin', { net_profit: 12_000, revenue: 80_000 })).toBe(15);
    expect(compute('gross_profit_margin', { net_sales: 50_000, cogs: 30_000 })).toBe(40);
    expect(
      compute('operating_cash_flow', {
        net_profit: 10_000,
        depreciation_amortisation: 2_000,
        working_capital_increase: 3_000,
      }),
    ).toBe(9_000);
    expect(compute('inventory_turnover', { cogs: 120_000, average_inventory: 30_000 })).toBe(4);
    expect(
      compute('customer_retention', {
        customers_end: 110,
        new_customers: 20,
        customers_start: 100,
      }),
    ).toBe(90);
    expect(compute('conversion_rate', { conversions: 30, website_visitors: 1_200 })).toBe(2.5);
    expect(
      compute('average_resolution_time', { total_resolution_time: 96, tickets_resolved: 24 }),
    ).toBe(4);
    expect(compute('cac', { sales_marketing_spend: 50_000, new_customers: 100 })).toBe(500);
  });

  it('gives "no data", not Infinity, when a denominator is zero', () => {
    expect(compute('win_rate', { deals_won: 0, opportunities_closed: 0 })).toBeNull();
  });
});

describe('the library file schema', () => {
  const good = {
    format: 'kpi-scorecard-library',
    version: 1,
    department: 'sales',
    kpis: [byCode.get('new_customers')],
  };

  it('accepts a well-formed file', () => {
    expect(libraryFileSchema.safeParse(good).success).toBe(true);
  });

  it.each([
    ['a direction that does not exist', { direction: 'sideways' }, 'Direction must be one of'],
    ['a KPI without a description', { description: '' }, 'Description must say what'],
    ['a code that is not an identifier', { code: 'New customers' }, 'Identifier must start'],
    ['a KPI filed under another department', { department: 'hr' }, 'filed under sales'],
    ['a within-range KPI (its range is the client’s)', { direction: 'within_range' }, 'Direction'],
  ])('refuses %s, saying what is wrong', (_what, change, message) => {
    const kpi = { ...byCode.get('new_customers'), ...change };
    const parsed = libraryFileSchema.safeParse({ ...good, kpis: [kpi] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(' ')).toContain(message);
  });

  it('refuses a file of another kind', () => {
    const parsed = libraryFileSchema.safeParse({ ...good, format: 'kpi-scorecard-sample' });
    expect(parsed.error?.issues[0]?.message).toContain('not a KPI library file');
  });
});

describe('whole-library checks name the KPI at fault', () => {
  const base = (code: string): LibraryKpi => {
    const kpi = byCode.get(code);
    if (!kpi) throw new Error(code);
    return kpi;
  };

  it('a code used twice', () => {
    const twin = { ...base('revenue'), name: 'Sales', department: 'retail' as const };
    expect(libraryProblems([base('revenue'), twin])).toEqual([
      '"revenue" is the code of both "Revenue" (finance) and "Sales" (retail)',
    ]);
  });

  it('a formula naming a KPI the library lacks, with a suggestion', () => {
    const margin = { ...base('net_profit_margin'), formula: 'net_profit / revenu * 100' };
    const [problem] = libraryProblems([base('revenue'), base('net_profit'), margin]);
    expect(problem).toContain('The formula of "Net profit margin" (net_profit_margin)');
    expect(problem).toContain('"revenu"');
    expect(problem).toContain('did you mean "revenue"');
  });

  it('a formula whose units do not give the KPI’s unit', () => {
    const aov = { ...base('average_order_value'), formula: 'revenue + orders' };
    const [problem] = libraryProblems([base('revenue'), base('orders'), aov]);
    expect(problem).toContain('"Average order value" (average_order_value)');
  });

  it('a percent summed over time without a reason', () => {
    const summed = { ...base('csat'), aggregation: 'sum' as const };
    expect(libraryProblems([summed])).toEqual([
      '"Customer satisfaction (CSAT)" (csat) is aggregated by sum, where the app would propose average; say why in aggregationNote',
    ]);
  });
});

describe('browsing the library', () => {
  const find = (filter: Partial<LibraryFilter>) =>
    filterLibrary(kpis, { department: null, perspective: null, query: '', ...filter }).map(
      (kpi) => kpi.code,
    );

  it('filters by department and perspective together', () => {
    const saasCustomer = find({ department: 'saas', perspective: 'Customer' });
    expect(saasCustomer).toContain('customer_churn');
    expect(saasCustomer).not.toContain('mrr');
    for (const code of saasCustomer) {
      expect(byCode.get(code)?.department).toBe('saas');
      expect(byCode.get(code)?.perspective).toBe('Customer');
    }
  });

  it('finds a KPI by any word of its name, code, description or formula, any case or accent', () => {
    expect(find({ query: 'CAC' })).toEqual(
      expect.arrayContaining(['cac', 'cac_payback', 'ltv_to_cac']),
    );
    expect(find({ query: 'résolution  TIME' })).toContain('average_resolution_time');
    expect(find({ query: 'net_profit' })).toEqual(
      expect.arrayContaining(['net_profit', 'net_profit_margin']),
    );
    expect(find({ query: 'zzz' })).toEqual([]);
    expect(find({})).toHaveLength(kpis.length);
  });
});

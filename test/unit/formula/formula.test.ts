import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '@shared/domain/entities';
import { checkFormula, findCycle, renameIdentifier, type FormulaKpi } from '@shared/formula/check';
import { evaluateFormula } from '@shared/formula/evaluate';
import { FormulaError } from '@shared/formula/lexer';
import { parseFormula } from '@shared/formula/parser';

const EUR: Unit = { format: 'currency', currency: 'EUR', suffix: '' };
const USD: Unit = { format: 'currency', currency: 'USD', suffix: '' };
const PERCENT: Unit = { format: 'percent', currency: null, suffix: '' };
const COUNT: Unit = { format: 'number', currency: null, suffix: 'customers' };
const HOURS: Unit = { format: 'duration', currency: null, suffix: 'hours' };

function run(formula: string, values: Record<string, number | null>): number | null {
  return evaluateFormula(parseFormula(formula), (name) => values[name] ?? null);
}

function errorOf(action: () => unknown): FormulaError {
  try {
    action();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('expected a FormulaError');
}

describe('seed formulas from PRODUCT.md (known answers)', () => {
  it('net profit margin: 14,460 on revenue 120,500.50 is 12.00 %', () => {
    const margin = run('net_profit / revenue * 100', { net_profit: 14_460, revenue: 120_500.5 });
    expect(margin?.toFixed(2)).toBe('12.00');
  });

  it('gross profit margin: (net sales − COGS) ÷ net sales × 100', () => {
    expect(run('(net_sales − cogs) ÷ net_sales × 100', { net_sales: 80_000, cogs: 52_000 })).toBe(
      35,
    );
  });

  it('operating cash flow: net income + non-cash expenses − increase in working capital', () => {
    expect(
      run('net_income + non_cash_expenses - working_capital_increase', {
        net_income: 25_000,
        non_cash_expenses: 4_000,
        working_capital_increase: 6_500,
      }),
    ).toBe(22_500);
  });

  it('inventory turnover, retention, conversion and resolution time', () => {
    expect(run('cogs / avg_inventory', { cogs: 52_000, avg_inventory: 6_500 })).toBe(8);
    expect(
      run('(customers_end - new_customers) / customers_start * 100', {
        customers_end: 540,
        new_customers: 60,
        customers_start: 500,
      }),
    ).toBe(96);
    expect(run('conversions / visitors * 100', { conversions: 45, visitors: 1_500 })).toBe(3);
    expect(
      run('total_resolution_time / resolved_tickets', {
        total_resolution_time: 90,
        resolved_tickets: 36,
      }),
    ).toBe(2.5);
  });
});

describe('evaluation', () => {
  it('follows precedence and parentheses', () => {
    expect(run('1 + 2 * 3', {})).toBe(7);
    expect(run('(1 + 2) * 3', {})).toBe(9);
    expect(run('-2 * -3', {})).toBe(6);
    expect(run('10 - 4 - 3', {})).toBe(3);
    expect(run('12 / 3 / 2', {})).toBe(2);
  });

  it('gives no data for division by zero and for a missing input, never Infinity or NaN', () => {
    expect(run('a / b', { a: 1, b: 0 })).toBeNull();
    expect(run('0 / 0', {})).toBeNull();
    expect(run('a + b', { a: 1, b: null })).toBeNull();
  });

  it('has min, max, sum, avg, abs, round and if', () => {
    expect(run('min(3, 1, 2) + max(3, 1, 2)', {})).toBe(4);
    expect(run('sum(1, 2, 3) + avg(2, 4)', {})).toBe(9);
    expect(run('abs(-4.5)', {})).toBe(4.5);
    expect(run('round(2.345, 2)', {})).toBe(2.35);
    expect(run('round(-2.5)', {})).toBe(-3);
    expect(run('if(b == 0, 0, a / b)', { a: 5, b: 0 })).toBe(0);
    expect(run('if(a > b, a, b)', { a: 5, b: 7 })).toBe(7);
  });

  it('never yields a non-finite number for any inputs', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (a, b) => {
        for (const formula of ['a / b', 'a * b * 1e308', 'a - b', 'round(a, 2)', 'avg(a, b)']) {
          const result = run(formula, { a, b });
          expect(result === null || Number.isFinite(result)).toBe(true);
        }
      }),
    );
  });
});

describe('syntax errors name the position', () => {
  it.each([
    ['revenue +', 9, 'end of the formula'],
    ['(revenue', 8, '")"'],
    ['revenue ** 2', 9, '"*"'],
    ['revenue $ 2', 8, '"$"'],
    ['pow(2, 3)', 0, 'not a function'],
    ['round(1, 2, 3)', 0, 'round'],
    ['2revenue', 0, 'neither a number'],
    ['', 0, 'empty'],
  ])('%s', (formula, position, words) => {
    const error = errorOf(() => parseFormula(formula));
    expect(error.position).toBe(position);
    expect(error.message).toContain(words);
  });

  it('no input crashes the parser: it either parses or says why', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseFormula(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(errorOf(() => parseFormula('('.repeat(500) + '1' + ')'.repeat(500))).message).toContain(
      'nested',
    );
  });
});

describe('checking a formula when it is saved', () => {
  const kpis: FormulaKpi[] = [
    { code: 'revenue', unit: EUR, formula: null },
    { code: 'net_profit', unit: EUR, formula: null },
    { code: 'customers', unit: COUNT, formula: null },
    { code: 'us_revenue', unit: USD, formula: null },
    { code: 'downtime', unit: HOURS, formula: null },
    { code: 'margin', unit: PERCENT, formula: 'net_profit / revenue * 100' },
    { code: 'a', unit: COUNT, formula: 'b + 1' },
    { code: 'b', unit: COUNT, formula: 'c * 2' },
    { code: 'c', unit: COUNT, formula: null },
  ];

  it('accepts a well-formed formula and lists its inputs', () => {
    expect(checkFormula('margin', 'net_profit / revenue * 100', PERCENT, kpis).inputs).toEqual([
      'net_profit',
      'revenue',
    ]);
    expect(checkFormula('rev_per_customer', 'revenue / customers', EUR, kpis).inputs).toEqual([
      'revenue',
      'customers',
    ]);
  });

  it('refuses an unknown identifier and suggests the near one', () => {
    const error = errorOf(() => checkFormula('x', 'net_proft / revenue', PERCENT, kpis));
    expect(error.message).toContain('"net_proft"');
    expect(error.message).toContain('did you mean "net_profit"');
    expect(error.position).toBe(0);
  });

  it('refuses a cycle and names it', () => {
    const error = errorOf(() => checkFormula('c', 'a + 1', COUNT, kpis));
    expect(error.message).toContain('c → a → b → c');
    expect(errorOf(() => checkFormula('c', 'c + 1', COUNT, kpis)).message).toContain('its own KPI');
  });

  it('refuses unit mismatches', () => {
    expect(errorOf(() => checkFormula('x', 'revenue + downtime', EUR, kpis)).message).toContain(
      'EUR with time (hours)',
    );
    expect(errorOf(() => checkFormula('x', 'revenue + us_revenue', EUR, kpis)).message).toContain(
      'EUR with USD',
    );
    expect(errorOf(() => checkFormula('x', 'revenue * 2', PERCENT, kpis)).message).toContain(
      'gives EUR, but this KPI is measured in a plain number',
    );
    expect(checkFormula('x', 'revenue * 2 + 100', EUR, kpis).inputs).toEqual(['revenue']);
  });

  it('says in words what unit a formula gives and how to fix it', () => {
    expect(errorOf(() => checkFormula('x', 'revenue * 2', PERCENT, kpis)).message).toBe(
      'The formula gives EUR, but this KPI is measured in a plain number. Divide by a KPI measured in EUR, or measure this KPI in EUR.',
    );
    expect(errorOf(() => checkFormula('x', 'revenue / downtime', EUR, kpis)).message).toBe(
      'The formula gives EUR per time (hours), but this KPI is measured in EUR. Multiply by a KPI measured in time (hours), or measure this KPI in EUR per time (hours).',
    );
  });

  it('finds no cycle in a tree of dependencies', () => {
    const graph: Record<string, string[]> = { a: ['b', 'c'], b: ['c'], c: [] };
    expect(findCycle('a', (code) => graph[code] ?? [])).toBeNull();
  });
});

describe('renaming an identifier', () => {
  it('rewrites every use and keeps the rest as typed', () => {
    expect(renameIdentifier('revenue - cogs  /revenue*100', 'revenue', 'net_sales')).toBe(
      'net_sales - cogs  /net_sales*100',
    );
    expect(renameIdentifier('revenue_total + revenue', 'revenue', 'sales')).toBe(
      'revenue_total + sales',
    );
  });
});

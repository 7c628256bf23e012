import type { Unit } from '../domain/entities';
import { closestName } from '../text/similar';
import { describePosition, FormulaError, tokenize } from './lexer';
import { formulaIdentifiers, parseFormula, type FormulaNode } from './parser';

// What is checked when a calculated KPI's formula is saved: syntax (with position), unknown
// identifiers (with a suggestion), cycles across KPIs (naming the cycle), and units.

export interface FormulaKpi {
  code: string;
  unit: Unit;
  /** The KPI's own formula, if it is calculated. */
  formula: string | null;
}

/**
 * Units as dimensions. Currencies and durations are dimensions; plain numbers (whatever their
 * label) and percentages are dimensionless, because ratios of counts ("orders ÷ visitors × 100")
 * are exactly what formulas are for. Adding a currency to a duration, or euros to dollars, is
 * refused; multiplying and dividing combine dimensions.
 */
type Dimension = Map<string, number>;

function dimensionOf(unit: Unit): Dimension {
  if (unit.format === 'currency') return new Map([[`currency ${unit.currency ?? ''}`, 1]]);
  if (unit.format === 'duration') return new Map([[`duration ${unit.suffix}`, 1]]);
  return new Map();
}

function combine(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const result = new Map(a);
  for (const [base, exponent] of b) {
    const total = (result.get(base) ?? 0) + sign * exponent;
    if (total === 0) result.delete(base);
    else result.set(base, total);
  }
  return result;
}

function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.size === b.size && [...a].every(([base, exponent]) => b.get(base) === exponent);
}

function baseName(base: string): string {
  const [kind, detail] = base.split(' ');
  return kind === 'currency' ? detail || 'money' : `time${detail ? ` (${detail})` : ''}`;
}

/** In words: "EUR", "EUR per time (hours)", "per EUR", "EUR × EUR", "a plain number". */
function describeDimension(dimension: Dimension): string {
  if (dimension.size === 0) return 'a plain number';
  const times = (bases: [string, number][]) =>
    bases.flatMap(([base, exponent]) => Array<string>(exponent).fill(baseName(base))).join(' × ');
  const over = [...dimension].filter(([, exponent]) => exponent > 0);
  const under = [...dimension]
    .filter(([, exponent]) => exponent < 0)
    .map(([base, exponent]): [string, number] => [base, -exponent]);
  if (under.length === 0) return times(over);
  return `${over.length > 0 ? `${times(over)} ` : ''}per ${times(under)}`;
}

/** How to make the formula's unit the KPI's: what to divide or multiply by, or the unit. */
function unitFix(gives: Dimension, expected: Dimension): string {
  const extra = combine(gives, expected, -1);
  const unitChange = `or measure this KPI in ${describeDimension(gives)}`;
  const values = [...extra.values()];
  if (values.every((exponent) => exponent > 0))
    return `Divide by a KPI measured in ${describeDimension(extra)}, ${unitChange}.`;
  if (values.every((exponent) => exponent < 0))
    return `Multiply by a KPI measured in ${describeDimension(combine(new Map(), extra, -1))}, ${unitChange}.`;
  return `Change the formula so its units come out as ${describeDimension(expected)}, ${unitChange}.`;
}

/** null: a literal or an expression of literals, which fits any unit in + and −. */
type Inferred = Dimension | null;

function inferDimension(node: FormulaNode, units: Map<string, Unit>): Inferred {
  switch (node.type) {
    case 'number':
      return null;
    case 'identifier': {
      const unit = units.get(node.name);
      return unit ? dimensionOf(unit) : new Map();
    }
    case 'negate':
      return inferDimension(node.operand, units);
    case 'binary': {
      const left = inferDimension(node.left, units);
      const right = inferDimension(node.right, units);
      if (node.operator === '*' || node.operator === '/') {
        if (left === null && right === null) return null;
        const none: Dimension = new Map();
        return combine(left ?? none, right ?? none, node.operator === '*' ? 1 : -1);
      }
      if (left !== null && right !== null && !sameDimension(left, right)) {
        throw new FormulaError(
          `"${node.operator}" at ${describePosition(node.position)} combines ${describeDimension(left)} with ${describeDimension(right)}`,
          node.position,
        );
      }
      if (node.operator === '+' || node.operator === '-') return left ?? right;
      return new Map(); // a comparison is a yes/no number
    }
    case 'call': {
      const dims = node.args.map((arg) => inferDimension(arg, units));
      if (node.name === 'if') return mergeAlike(dims.slice(1), node);
      if (node.name === 'round' || node.name === 'abs') return dims[0] ?? null;
      return mergeAlike(dims, node);
    }
  }
}

function mergeAlike(dims: Inferred[], node: FormulaNode): Inferred {
  let merged: Inferred = null;
  for (const dim of dims) {
    if (dim === null) continue;
    if (merged !== null && !sameDimension(merged, dim)) {
      throw new FormulaError(
        `The arguments at ${describePosition(node.position)} mix ${describeDimension(merged)} with ${describeDimension(dim)}`,
        node.position,
      );
    }
    merged = dim;
  }
  return merged;
}

function suggestion(name: string, known: Iterable<string>): string {
  const best = closestName(name, known);
  return best === null ? '' : ` — did you mean "${best}"?`;
}

/**
 * A cycle through `start` in the graph of formula dependencies, as a list of codes that begins
 * and ends with the same code, or null.
 */
export function findCycle(
  start: string,
  dependencies: (code: string) => readonly string[],
): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (code: string): string[] | null => {
    if (onPath.has(code)) return [...path.slice(path.indexOf(code)), code];
    if (done.has(code)) return null;
    path.push(code);
    onPath.add(code);
    for (const next of dependencies(code)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(code);
    done.add(code);
    return null;
  };
  return visit(start);
}

/**
 * Checks a formula for the KPI `code` against the other KPIs of the workspace. Throws a
 * FormulaError naming what is wrong and where; returns the parsed tree and its inputs.
 */
export function checkFormula(
  code: string,
  formula: string,
  resultUnit: Unit,
  kpis: readonly FormulaKpi[],
): { tree: FormulaNode; inputs: string[] } {
  const tree = parseFormula(formula);
  const byCode = new Map(kpis.map((kpi) => [kpi.code, kpi]));
  const identifiers = formulaIdentifiers(tree);
  for (const { name, position } of identifiers) {
    if (name === code) {
      throw new FormulaError(
        `The formula uses its own KPI "${name}" at ${describePosition(position)}`,
        position,
        name.length,
      );
    }
    if (!byCode.has(name)) {
      throw new FormulaError(
        `"${name}" at ${describePosition(position)} is not the identifier of a KPI in this workspace${suggestion(name, byCode.keys())}`,
        position,
        name.length,
      );
    }
  }

  const inputs = identifiers.map((identifier) => identifier.name);
  const parsed = new Map<string, string[]>([[code, inputs]]);
  const dependencies = (of: string): string[] => {
    const cached = parsed.get(of);
    if (cached) return cached;
    const other = byCode.get(of)?.formula;
    let names: string[] = [];
    if (other) {
      try {
        names = formulaIdentifiers(parseFormula(other)).map((identifier) => identifier.name);
      } catch {
        names = []; // a broken stored formula cannot be part of a cycle we could name
      }
    }
    parsed.set(of, names);
    return names;
  };
  const cycle = findCycle(code, dependencies);
  if (cycle) {
    throw new FormulaError(
      `The formula would make a cycle: ${cycle.join(' → ')}`,
      0,
      formula.length,
    );
  }

  const units = new Map(kpis.map((kpi) => [kpi.code, kpi.unit]));
  const dimension = inferDimension(tree, units);
  const expected = dimensionOf(resultUnit);
  if (dimension !== null && !sameDimension(dimension, expected)) {
    throw new FormulaError(
      `The formula gives ${describeDimension(dimension)}, but this KPI is measured in ${describeDimension(expected)}. ${unitFix(dimension, expected)}`,
      0,
      formula.length,
    );
  }
  return { tree, inputs };
}

/** The formula with every use of identifier `from` renamed to `to`; everything else as typed. */
export function renameIdentifier(formula: string, from: string, to: string): string {
  const tokens = tokenize(formula);
  let result = '';
  let cursor = 0;
  for (const token of tokens) {
    if (token.kind === 'identifier' && token.text === from) {
      const isCall = tokens[tokens.indexOf(token) + 1]?.kind === 'lparen';
      if (isCall) continue;
      result += formula.slice(cursor, token.position) + to;
      cursor = token.position + token.text.length;
    }
  }
  return result + formula.slice(cursor);
}

import type { FormulaNode } from './parser';

/**
 * The value of a formula for one period. `inputs` gives each KPI identifier's value in that
 * period, or null for "no data". A missing input, a division by zero, or any result that is
 * not a finite number gives null ("no data"), never Infinity or NaN.
 */
export function evaluateFormula(
  tree: FormulaNode,
  inputs: (identifier: string) => number | null,
): number | null {
  return evaluateFormulaChecked(tree, inputs).value;
}

/**
 * As evaluateFormula, and says whether the result overflowed (beyond ±1.8e308): that is not
 * "no data" but a result too large to hold, which the scorecard shows as such. Division by
 * zero gives null before it can become Infinity, so an infinite result is an overflow.
 */
export function evaluateFormulaChecked(
  tree: FormulaNode,
  inputs: (identifier: string) => number | null,
): { value: number | null; overflow: boolean } {
  const result = evaluateNode(tree, inputs);
  if (result === null || Number.isNaN(result)) return { value: null, overflow: false };
  return Number.isFinite(result)
    ? { value: result, overflow: false }
    : { value: null, overflow: true };
}

function evaluateNode(
  node: FormulaNode,
  inputs: (identifier: string) => number | null,
): number | null {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'identifier':
      return inputs(node.name);
    case 'negate': {
      const value = evaluateNode(node.operand, inputs);
      return value === null ? null : -value;
    }
    case 'binary': {
      const left = evaluateNode(node.left, inputs);
      const right = evaluateNode(node.right, inputs);
      if (left === null || right === null) return null;
      switch (node.operator) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? null : left / right;
        case '<':
          return left < right ? 1 : 0;
        case '<=':
          return left <= right ? 1 : 0;
        case '>':
          return left > right ? 1 : 0;
        case '>=':
          return left >= right ? 1 : 0;
        case '==':
          return left === right ? 1 : 0;
        case '!=':
          return left !== right ? 1 : 0;
      }
      break;
    }
    case 'call': {
      if (node.name === 'if') {
        // Only the chosen branch is evaluated, so if(x == 0, 0, y / x) guards a division.
        const [condition, then, otherwise] = node.args as [FormulaNode, FormulaNode, FormulaNode];
        const test = evaluateNode(condition, inputs);
        if (test === null) return null;
        return evaluateNode(test !== 0 ? then : otherwise, inputs);
      }
      const args: number[] = [];
      for (const arg of node.args) {
        const value = evaluateNode(arg, inputs);
        if (value === null) return null;
        args.push(value);
      }
      switch (node.name) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'sum':
          return args.reduce((total, value) => total + value, 0);
        case 'avg':
          return args.reduce((total, value) => total + value, 0) / args.length;
        case 'abs':
          return Math.abs(args[0] as number);
        case 'round': {
          const digits = Math.trunc(args[1] ?? 0);
          if (digits < 0 || digits > 10) return null;
          const factor = 10 ** digits;
          const scaled = (args[0] as number) * factor;
          // Half away from zero, the rule people learn at school and spreadsheets use.
          return (
            (Math.sign(scaled) * Math.round(Math.abs(scaled) + Number.EPSILON * Math.abs(scaled))) /
            factor
          );
        }
      }
    }
  }
  return null;
}

import { describePosition, FormulaError, tokenize, type Token } from './lexer';

// A small recursive-descent parser for calculated KPIs. Chosen over an expression library
// because the language is tiny (arithmetic, comparisons, six functions), errors must carry
// positions in the user's own words, and nothing here may ever reach dynamic code evaluation:
// the result is a plain tree that `evaluate` walks.
//
//   comparison := additive (("<" | "<=" | ">" | ">=" | "==" | "!=") additive)?
//   additive   := term (("+" | "-") term)*
//   term       := unary (("*" | "/") unary)*
//   unary      := "-" unary | "+" unary | primary
//   primary    := number | identifier | identifier "(" args ")" | "(" comparison ")"

export type BinaryOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type FormulaNode =
  | { type: 'number'; value: number; position: number }
  | { type: 'identifier'; name: string; position: number }
  | { type: 'negate'; operand: FormulaNode; position: number }
  | {
      type: 'binary';
      operator: BinaryOperator;
      left: FormulaNode;
      right: FormulaNode;
      position: number;
    }
  | { type: 'call'; name: FunctionName; args: FormulaNode[]; position: number };

export const FUNCTIONS = {
  min: { minArgs: 1, maxArgs: Infinity, help: 'min(a, b, …): the smallest' },
  max: { minArgs: 1, maxArgs: Infinity, help: 'max(a, b, …): the largest' },
  sum: { minArgs: 1, maxArgs: Infinity, help: 'sum(a, b, …): the total' },
  avg: { minArgs: 1, maxArgs: Infinity, help: 'avg(a, b, …): the average' },
  abs: { minArgs: 1, maxArgs: 1, help: 'abs(x): x without its sign' },
  round: { minArgs: 1, maxArgs: 2, help: 'round(x, digits): x rounded to digits decimals' },
  if: { minArgs: 3, maxArgs: 3, help: 'if(condition, then, else)' },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);
const MAX_DEPTH = 100;

function describeToken(token: Token): string {
  return token.kind === 'end' ? 'the end of the formula' : `"${token.text}"`;
}

export function parseFormula(formula: string): FormulaNode {
  const tokens = tokenize(formula);
  if (tokens.length === 1) throw new FormulaError('The formula is empty', 0);
  let index = 0;
  let depth = 0;

  const peek = (): Token => tokens[index] as Token;
  const next = (): Token => tokens[index++] as Token;
  const unexpected = (token: Token, expected: string): FormulaError =>
    new FormulaError(
      `Expected ${expected} at ${describePosition(token.position)} but found ${describeToken(token)}`,
      token.position,
      Math.max(token.text.length, 1),
    );

  function comparison(): FormulaNode {
    const left = additive();
    const token = peek();
    if (token.kind === 'operator' && COMPARISONS.has(token.text)) {
      next();
      const right = additive();
      return {
        type: 'binary',
        operator: token.text as BinaryOperator,
        left,
        right,
        position: token.position,
      };
    }
    return left;
  }

  function additive(): FormulaNode {
    let node = term();
    for (;;) {
      const token = peek();
      if (token.kind !== 'operator' || (token.text !== '+' && token.text !== '-')) return node;
      next();
      node = {
        type: 'binary',
        operator: token.text,
        left: node,
        right: term(),
        position: token.position,
      };
    }
  }

  function term(): FormulaNode {
    let node = unary();
    for (;;) {
      const token = peek();
      if (token.kind !== 'operator' || (token.text !== '*' && token.text !== '/')) return node;
      next();
      node = {
        type: 'binary',
        operator: token.text,
        left: node,
        right: unary(),
        position: token.position,
      };
    }
  }

  function unary(): FormulaNode {
    const token = peek();
    if (token.kind === 'operator' && (token.text === '-' || token.text === '+')) {
      next();
      depth += 1;
      if (depth > MAX_DEPTH)
        throw new FormulaError('The formula is nested too deeply', token.position);
      const operand = unary();
      depth -= 1;
      return token.text === '-' ? { type: 'negate', operand, position: token.position } : operand;
    }
    return primary();
  }

  function primary(): FormulaNode {
    const token = next();
    switch (token.kind) {
      case 'number':
        return {
          type: 'number',
          value: token.value ?? Number(token.text),
          position: token.position,
        };
      case 'identifier':
        if (peek().kind === 'lparen') return call(token);
        return { type: 'identifier', name: token.text, position: token.position };
      case 'lparen': {
        depth += 1;
        if (depth > MAX_DEPTH)
          throw new FormulaError('The formula is nested too deeply', token.position);
        const inner = comparison();
        depth -= 1;
        const close = next();
        if (close.kind !== 'rparen') throw unexpected(close, '")"');
        return inner;
      }
      default:
        throw unexpected(token, 'a number, a KPI identifier or "("');
    }
  }

  function call(nameToken: Token): FormulaNode {
    const name = nameToken.text.toLowerCase();
    if (!isFunctionName(name)) {
      throw new FormulaError(
        `"${nameToken.text}" at ${describePosition(nameToken.position)} is not a function (available: ${Object.keys(FUNCTIONS).join(', ')})`,
        nameToken.position,
        nameToken.text.length,
      );
    }
    next(); // "("
    depth += 1;
    if (depth > MAX_DEPTH)
      throw new FormulaError('The formula is nested too deeply', nameToken.position);
    const args: FormulaNode[] = [];
    if (peek().kind !== 'rparen') {
      for (;;) {
        args.push(comparison());
        const separator = next();
        if (separator.kind === 'rparen') break;
        if (separator.kind !== 'comma') throw unexpected(separator, '"," or ")"');
      }
    } else {
      next();
    }
    depth -= 1;
    const { minArgs, maxArgs } = FUNCTIONS[name];
    if (args.length < minArgs || args.length > maxArgs) {
      throw new FormulaError(
        `${name} at ${describePosition(nameToken.position)} takes ${FUNCTIONS[name].help}; it was given ${args.length} argument${args.length === 1 ? '' : 's'}`,
        nameToken.position,
        nameToken.text.length,
      );
    }
    return { type: 'call', name, args, position: nameToken.position };
  }

  const tree = comparison();
  const rest = peek();
  if (rest.kind !== 'end') throw unexpected(rest, 'an operator or the end of the formula');
  return tree;
}

/** Every KPI identifier the formula reads, once each, in order of first use. */
export function formulaIdentifiers(tree: FormulaNode): { name: string; position: number }[] {
  const seen = new Map<string, number>();
  const visit = (node: FormulaNode): void => {
    switch (node.type) {
      case 'identifier':
        if (!seen.has(node.name)) seen.set(node.name, node.position);
        return;
      case 'negate':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      case 'number':
        return;
    }
  };
  visit(tree);
  return [...seen].map(([name, position]) => ({ name, position }));
}

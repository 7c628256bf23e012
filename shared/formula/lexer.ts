// Tokens of the calculated-KPI formula language: numbers, KPI identifiers, + − × ÷, comparisons,
// parentheses and commas. Typographic operators (− × ÷) are accepted because people paste
// formulas from documents.

export type TokenKind =
  'number' | 'identifier' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the formula. */
  position: number;
  /** For numbers: the value. */
  value?: number;
}

export class FormulaError extends Error {
  readonly position: number;
  readonly length: number;

  constructor(message: string, position: number, length = 1) {
    super(message);
    this.name = 'FormulaError';
    this.position = position;
    this.length = length;
  }
}

export const MAX_FORMULA_LENGTH = 2000;

const OPERATOR_ALIASES: Record<string, string> = {
  '−': '-',
  '×': '*',
  '÷': '/',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
};
const TWO_CHAR_OPERATORS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_OPERATORS = new Set(['+', '-', '*', '/', '<', '>']);

function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

function isIdentifierPart(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch);
}

/** Where a human counts from: "position 5" means the fifth character. */
export function describePosition(position: number): string {
  return `position ${position + 1}`;
}

export function tokenize(formula: string): Token[] {
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      `A formula can be at most ${MAX_FORMULA_LENGTH} characters long`,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (/[0-9.]/.test(ch)) {
      const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(formula.slice(i));
      if (!match) throw new FormulaError(`"${ch}" at ${describePosition(i)} is not a number`, i);
      const text = match[0];
      i += text.length;
      if (i < formula.length && isIdentifierPart(formula.charAt(i))) {
        throw new FormulaError(
          `"${formula.slice(start, i + 1)}" at ${describePosition(start)} is neither a number nor an identifier`,
          start,
          i + 1 - start,
        );
      }
      tokens.push({ kind: 'number', text, position: start, value: Number(text) });
      continue;
    }
    if (isIdentifierStart(ch)) {
      while (i < formula.length && isIdentifierPart(formula.charAt(i))) i += 1;
      tokens.push({ kind: 'identifier', text: formula.slice(start, i), position: start });
      continue;
    }
    const two = formula.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.has(two)) {
      tokens.push({ kind: 'operator', text: two, position: start });
      i += 2;
      continue;
    }
    const operator = OPERATOR_ALIASES[ch] ?? ch;
    if (ONE_CHAR_OPERATORS.has(operator) || TWO_CHAR_OPERATORS.has(operator)) {
      tokens.push({ kind: 'operator', text: operator, position: start });
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({
        kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma',
        text: ch,
        position: start,
      });
      i += 1;
      continue;
    }
    throw new FormulaError(
      `"${ch}" at ${describePosition(i)} is not allowed in a formula (use + − × ÷, parentheses, numbers and KPI identifiers)`,
      i,
    );
  }
  tokens.push({ kind: 'end', text: '', position: formula.length });
  return tokens;
}

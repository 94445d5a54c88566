// Binary operator table: token type → ML operator and precedence (ML-LANGUAGE.md §2, loosest = 1).
// `===`, `!==` and `**` are not ML; they map to their ML look-alikes so the tree stays usable while
// the parser reports them (ML211, ML215).
import type { TokenType } from 'chevrotain';
import type { BinaryOperator } from './ast.js';
import * as T from './tokens.js';

export interface OperatorInfo {
  operator: BinaryOperator;
  precedence: number;
}

const TABLE: [TokenType, BinaryOperator, number][] = [
  [T.OrOr, '||', 1],
  [T.AndAnd, '&&', 2],
  [T.EqEq, '==', 3],
  [T.NotEq, '!=', 3],
  [T.StrictEq, '==', 3],
  [T.StrictNotEq, '!=', 3],
  [T.Less, '<', 4],
  [T.Greater, '>', 4],
  [T.LessEq, '<=', 4],
  [T.GreaterEq, '>=', 4],
  [T.Plus, '+', 5],
  [T.Minus, '-', 5],
  [T.Star, '*', 6],
  [T.Slash, '/', 6],
  [T.SlashSlash, '//', 6],
  [T.Percent, '%', 6],
  [T.StarStar, '*', 6],
];

const BY_TYPE = new Map<TokenType, OperatorInfo>(
  TABLE.map(([t, operator, precedence]) => [t, { operator, precedence }]),
);

/** What an unexpected character (an `Invalid` token, in the category) stands for. */
const INVALID_OPERATOR: OperatorInfo = { operator: '+', precedence: 5 };

/** The operator of a `BinaryOp` token (every member of the category is in the table). */
export function operatorInfo(type: TokenType): OperatorInfo {
  return BY_TYPE.get(type) ?? INVALID_OPERATOR;
}

const BY_INDEX: OperatorInfo[] = [];
for (const [t, operator, precedence] of TABLE) BY_INDEX[t.tokenTypeIdx!] = { operator, precedence };

/** `operatorInfo` by tokenTypeIdx. */
export function operatorInfoAt(typeIdx: number): OperatorInfo {
  return BY_INDEX[typeIdx] ?? INVALID_OPERATOR;
}

/** `+=` → `+` and so on, for the quick fix of compound assignment. */
export function compoundOperator(type: TokenType): BinaryOperator {
  switch (type) {
    case T.MinusAssign:
      return '-';
    case T.StarAssign:
      return '*';
    case T.SlashAssign:
      return '/';
    case T.PercentAssign:
      return '%';
    default:
      return '+';
  }
}

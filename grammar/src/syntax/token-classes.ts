// Token categories as tables by tokenTypeIdx, for the parser's fast paths that look at token types
// without IToken objects (same answers as Chevrotain's tokenMatcher). Data only.
import { tokenMatcher } from 'chevrotain';
import type { TokenType } from 'chevrotain';
import * as T from './tokens.js';

const SIZE = Math.max(...T.ALL_TOKENS.map((t) => t.tokenTypeIdx!)) + 1;

function members(category: TokenType): Uint8Array {
  const table = new Uint8Array(SIZE);
  for (const type of T.ALL_TOKENS) {
    const probe = { image: '', startOffset: 0, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
    if (tokenMatcher(probe, category)) table[type.tokenTypeIdx!] = 1;
  }
  return table;
}

export const IS_NAME = members(T.Name);
export const IS_IDENTIFIER = members(T.Identifier);
export const IS_STRING = members(T.StringLit);
export const IS_BINARY_OP = members(T.BinaryOp);
export const IS_PREFIX_OP = members(T.PrefixOp);
export const IS_COMPOUND_ASSIGN = members(T.CompoundAssign);

/** Names and literals: the atoms that are built straight from their token. */
export const IS_TOKEN_ATOM = IS_IDENTIFIER.map(
  (v, i) =>
    v |
    IS_STRING[i]! |
    Number(i === T.NumberLit.tokenTypeIdx || i === T.True.tokenTypeIdx || i === T.False.tokenTypeIdx),
);

/** Tokens that never continue an expression after an operand (the expression rule stops before them). */
export const ENDS_EXPRESSION = new Uint8Array(SIZE);
for (const type of [T.Comma, T.RParen, T.RBracket, T.RCurly, T.Semi, T.Colon, T.Assign])
  ENDS_EXPRESSION[type.tokenTypeIdx!] = 1;

/** Token type indexes the fast paths compare with. */
export const IDX = {
  Identifier: T.Identifier.tokenTypeIdx!,
  NumberLit: T.NumberLit.tokenTypeIdx!,
  True: T.True.tokenTypeIdx!,
  False: T.False.tokenTypeIdx!,
  Fn: T.Fn.tokenTypeIdx!,
  LParen: T.LParen.tokenTypeIdx!,
  RParen: T.RParen.tokenTypeIdx!,
  LBracket: T.LBracket.tokenTypeIdx!,
  RBracket: T.RBracket.tokenTypeIdx!,
  LCurly: T.LCurly.tokenTypeIdx!,
  RCurly: T.RCurly.tokenTypeIdx!,
  Comma: T.Comma.tokenTypeIdx!,
  Semi: T.Semi.tokenTypeIdx!,
  Dot: T.Dot.tokenTypeIdx!,
  Colon: T.Colon.tokenTypeIdx!,
  Question: T.Question.tokenTypeIdx!,
  Arrow: T.Arrow.tokenTypeIdx!,
  Assign: T.Assign.tokenTypeIdx!,
  IncDec: T.IncDec.tokenTypeIdx!,
  StrictEq: T.StrictEq.tokenTypeIdx!,
  StrictNotEq: T.StrictNotEq.tokenTypeIdx!,
  StarStar: T.StarStar.tokenTypeIdx!,
  If: T.If.tokenTypeIdx!,
  While: T.While.tokenTypeIdx!,
  For: T.For.tokenTypeIdx!,
  In: T.In.tokenTypeIdx!,
  Function: T.Function.tokenTypeIdx!,
  Return: T.Return.tokenTypeIdx!,
  Throw: T.Throw.tokenTypeIdx!,
  Try: T.Try.tokenTypeIdx!,
  Break: T.Break.tokenTypeIdx!,
  Continue: T.Continue.tokenTypeIdx!,
  Nonlocal: T.Nonlocal.tokenTypeIdx!,
  Capability: T.Capability.tokenTypeIdx!,
  Import: T.Import.tokenTypeIdx!,
};

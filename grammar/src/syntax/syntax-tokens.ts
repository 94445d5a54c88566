// Classifies lexer tokens for editors (semantic tokens): a word is `keyword` only where the parser
// used it as one. Reads token types and the parser's record of keyword words used as names; no parsing.
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from './ast.js';
import type { AstBuilder } from './builder.js';
import * as T from './tokens.js';

export type SyntaxTokenKind = 'keyword' | 'identifier' | 'number' | 'string' | 'operator' | 'punctuation' | 'boolean';

export interface SyntaxToken {
  kind: SyntaxTokenKind;
  text: string;
  range: Range;
}

const PUNCTUATION = new Set<TokenType>([T.LParen, T.RParen, T.LBracket, T.RBracket, T.LCurly, T.RCurly, T.Comma, T.Semi, T.Dot, T.Colon]);
const KEYWORDS = new Set<TokenType>([...T.WORD_TYPES.values()].filter((t) => t !== T.True && t !== T.False));

function kindOf(tok: IToken, namesFromKeywords: ReadonlySet<number>): SyntaxTokenKind {
  const type = tok.tokenType;
  if (type === T.Identifier) return 'identifier';
  if (type === T.NumberLit) return 'number';
  if (type === T.StringLit || type === T.UnterminatedString) return 'string';
  if (type === T.True || type === T.False) return namesFromKeywords.has(tok.startOffset) ? 'identifier' : 'boolean';
  if (KEYWORDS.has(type)) return namesFromKeywords.has(tok.startOffset) ? 'identifier' : 'keyword';
  if (PUNCTUATION.has(type)) return 'punctuation';
  return 'operator';
}

export function syntaxTokens(tokens: IToken[], namesFromKeywords: ReadonlySet<number>, b: AstBuilder): SyntaxToken[] {
  const out: SyntaxToken[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    out[i] = { kind: kindOf(tok, namesFromKeywords), text: tok.image, range: b.range(tok) };
  }
  return out;
}

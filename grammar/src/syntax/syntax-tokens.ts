// Classifies lexer tokens for editors (semantic tokens): a word is `keyword` only where the parser
// used it as one. Made from the lexer's token columns only when a consumer asks for the list.
// Reads token types; no parsing.
import type { TokenType } from 'chevrotain';
import type { Range } from './ast.js';
import type { LineMap } from './line-map.js';
import type { TokenStore } from './token-store.js';
import * as T from './tokens.js';

export type SyntaxTokenKind = 'keyword' | 'identifier' | 'number' | 'string' | 'operator' | 'punctuation' | 'boolean';

export interface SyntaxToken {
  kind: SyntaxTokenKind;
  text: string;
  range: Range;
}

const KINDS: SyntaxTokenKind[] = ['keyword', 'identifier', 'number', 'string', 'operator', 'punctuation', 'boolean'];
const KEYWORD = 0;
const IDENTIFIER = 1;
const NUMBER = 2;
const STRING = 3;
const OPERATOR = 4;
const PUNCTUATION_KIND = 5;
const BOOLEAN = 6;

const PUNCTUATION = new Set<TokenType>([
  T.LParen,
  T.RParen,
  T.LBracket,
  T.RBracket,
  T.LCurly,
  T.RCurly,
  T.Comma,
  T.Semi,
  T.Dot,
  T.Colon,
]);

/** Kind code by tokenTypeIdx for every token type the lexer can produce. */
const KIND_BY_TYPE = new Uint8Array(1024).fill(OPERATOR);
for (const type of T.ALL_TOKENS) {
  const idx = type.tokenTypeIdx!;
  if (type === T.Identifier) KIND_BY_TYPE[idx] = IDENTIFIER;
  else if (type === T.NumberLit) KIND_BY_TYPE[idx] = NUMBER;
  else if (type === T.StringLit || type === T.UnterminatedString || type === T.TemplateString)
    KIND_BY_TYPE[idx] = STRING;
  else if (type === T.True || type === T.False) KIND_BY_TYPE[idx] = BOOLEAN;
  else if ([...T.WORD_TYPES.values()].includes(type)) KIND_BY_TYPE[idx] = KEYWORD;
  else if (PUNCTUATION.has(type)) KIND_BY_TYPE[idx] = PUNCTUATION_KIND;
}

/** The classified tokens of a parsed document (keyword-typed words used as names are identifiers). */
export function materialize(tokens: TokenStore, namesFromKeywords: ReadonlySet<number>, lines: LineMap): SyntaxToken[] {
  const out: SyntaxToken[] = new Array(tokens.count);
  for (let i = 0; i < out.length; i++) {
    const start = tokens.start(i);
    let kind = KIND_BY_TYPE[tokens.typeIdx(i)]!;
    if ((kind === KEYWORD || kind === BOOLEAN) && namesFromKeywords.has(start)) kind = IDENTIFIER;
    out[i] = { kind: KINDS[kind]!, text: tokens.image(i), range: lines.range(start, tokens.end(i)) };
  }
  return out;
}

/** Index of the first token starting at or after `offset` (binary search over source order). */
export function tokenIndexAt(tokens: readonly { readonly range: Range }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.range.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Classifies lexer tokens for editors (semantic tokens): a word is `keyword` only where the parser
// used it as one. The classification is stored compactly at parse time and turned into objects only
// when a consumer asks for them. Reads token types; no parsing.
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from './ast.js';
import type { LineMap } from './line-map.js';
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

function kindOf(tok: IToken, namesFromKeywords: ReadonlySet<number>): number {
  const kind = KIND_BY_TYPE[tok.tokenTypeIdx]!;
  if ((kind === KEYWORD || kind === BOOLEAN) && namesFromKeywords.has(tok.startOffset)) return IDENTIFIER;
  return kind;
}

/** Compact token table: start offset, length and kind code per token. */
export interface TokenTable {
  starts: Uint32Array;
  lengths: Uint32Array;
  kinds: Uint8Array;
}

export function tokenTable(tokens: IToken[], namesFromKeywords: ReadonlySet<number>): TokenTable {
  const n = tokens.length;
  const table: TokenTable = { starts: new Uint32Array(n), lengths: new Uint32Array(n), kinds: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    table.starts[i] = tok.startOffset;
    table.lengths[i] = tok.image.length;
    table.kinds[i] = kindOf(tok, namesFromKeywords);
  }
  return table;
}

export function materialize(table: TokenTable, lines: LineMap): SyntaxToken[] {
  const out: SyntaxToken[] = new Array(table.kinds.length);
  for (let i = 0; i < out.length; i++) {
    const start = table.starts[i]!;
    const end = start + table.lengths[i]!;
    out[i] = { kind: KINDS[table.kinds[i]!]!, text: lines.text.slice(start, end), range: lines.range(start, end) };
  }
  return out;
}

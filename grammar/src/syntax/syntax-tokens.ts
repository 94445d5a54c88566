// Classifies lexer tokens for editors (semantic tokens): a word is `keyword` only where the parser
// used it as one. Made from the lexer's token columns only when a consumer asks: as columns
// (TokenTable) or as objects (SyntaxToken). Reads token types; no parsing.
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

/**
 * The classified tokens of a parsed document as columns (no object per token): what editors walk
 * when they need every token (semantic tokens), and what the object list is made from.
 */
export interface TokenTable {
  readonly count: number;
  /** Kind per token, as an index into SYNTAX_TOKEN_KINDS (keyword-typed words used as names are identifiers). */
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Line and column of each token's start. */
  readonly lines: Int32Array;
  readonly columns: Int32Array;
}

/** Token kinds by their code in `TokenTable.kinds`. */
export const SYNTAX_TOKEN_KINDS: readonly SyntaxTokenKind[] = KINDS;

export function tokenTable(tokens: TokenStore, namesFromKeywords: ReadonlySet<number>, lines: LineMap): TokenTable {
  const count = tokens.count;
  const kinds = new Uint8Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const lineColumn = new Int32Array(count);
  const columns = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const start = tokens.start(i);
    let kind = KIND_BY_TYPE[tokens.typeIdx(i)]!;
    if ((kind === KEYWORD || kind === BOOLEAN) && namesFromKeywords.size > 0 && namesFromKeywords.has(start))
      kind = IDENTIFIER;
    kinds[i] = kind;
    starts[i] = start;
    ends[i] = tokens.end(i);
    const line = lines.lineOf(start);
    lineColumn[i] = line;
    columns[i] = start - lines.lineStart(line);
  }
  return { count, kinds, starts, ends, lines: lineColumn, columns };
}

export function emptyTokenTable(): TokenTable {
  const none = new Int32Array(0);
  return { count: 0, kinds: new Uint8Array(0), starts: none, ends: none, lines: none, columns: none };
}

/** The classified tokens as objects (for consumers that index and slice them). */
export function materialize(table: TokenTable, text: string, lines: LineMap): SyntaxToken[] {
  const out: SyntaxToken[] = new Array(table.count);
  for (let i = 0; i < out.length; i++) {
    const start = table.starts[i]!;
    const end = table.ends[i]!;
    out[i] = { kind: KINDS[table.kinds[i]!]!, text: text.slice(start, end), range: lines.range(start, end) };
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

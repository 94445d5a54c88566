// The ML lexer: Chevrotain tokenization, the keyword pass that retypes words, and lexical
// diagnostics (ML1xx). It never throws on user input and does not decide which words act as keywords.
import { createTokenInstance, Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import type { LineMap } from './line-map.js';
import { lexContext } from './lex-patterns.js';
import { Identifier, Invalid, LEXER_TOKENS, TemplateString, UnterminatedString, WORD_TYPES } from './tokens.js';
import { lexError } from './messages.js';

const lexer = new Lexer(LEXER_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  recoveryEnabled: true,
});

export interface LexResult {
  /** Significant tokens, words already retyped to their keyword types. */
  tokens: IToken[];
  /** `//` comments in source order. */
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function tokenize(text: string, lines: LineMap): LexResult {
  lexContext.reset(text);
  let result;
  try {
    result = lexer.tokenize(text);
  } finally {
    lexContext.release();
  }
  const tokens = result.tokens;
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.tokenType === Identifier) {
      const type = WORD_TYPES.get(tok.image);
      if (type !== undefined) {
        tok.tokenType = type;
        tok.tokenTypeIdx = type.tokenTypeIdx!;
      }
    } else if (tok.tokenType === UnterminatedString) {
      diagnostics.push(lexError('ML101', lines.range(tok.startOffset, tok.startOffset + tok.image.length)));
    } else if (tok.tokenType === TemplateString) {
      diagnostics.push(lexError('ML104', lines.range(tok.startOffset, tok.startOffset + tok.image.length)));
    }
  }
  const invalid: IToken[] = [];
  for (const err of result.errors) {
    const bad = text.substr(err.offset, err.length);
    diagnostics.push(lexError('ML102', lines.range(err.offset, err.offset + err.length), bad));
    invalid.push(createTokenInstance(Invalid, bad, err.offset, err.offset + err.length - 1, NaN, NaN, NaN, NaN));
  }
  for (const tok of result.groups['invalid'] ?? []) {
    diagnostics.push(lexError('ML103', lines.range(tok.startOffset, tok.startOffset + tok.image.length)));
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return {
    tokens: invalid.length > 0 ? mergeByOffset(tokens, invalid) : tokens,
    comments: result.groups['comments'] ?? [],
    diagnostics,
  };
}

/** Merges two token lists that are each sorted by offset. */
function mergeByOffset(a: IToken[], b: IToken[]): IToken[] {
  const out: IToken[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.startOffset < b[j]!.startOffset)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

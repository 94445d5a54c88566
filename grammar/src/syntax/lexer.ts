// The ML lexer: Chevrotain tokenization, the keyword pass that retypes words, and lexical
// diagnostics (ML1xx). It never throws on user input and does not decide which words act as keywords.
import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import type { LineMap } from './line-map.js';
import { lexContext } from './lex-patterns.js';
import { Identifier, LEXER_TOKENS, UnterminatedString, WORD_TYPES } from './tokens.js';
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
    }
  }
  for (const err of result.errors) {
    const bad = text.substr(err.offset, err.length);
    diagnostics.push(lexError('ML102', lines.range(err.offset, err.offset + err.length), bad));
  }
  for (const tok of result.groups['invalid'] ?? []) {
    diagnostics.push(lexError('ML103', lines.range(tok.startOffset, tok.startOffset + tok.image.length)));
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens, comments: result.groups['comments'] ?? [], diagnostics };
}

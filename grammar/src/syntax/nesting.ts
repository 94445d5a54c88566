// Guards the recursive-descent parser against pathological nesting: finds the first bracket that
// opens more than MAX_NESTING levels deep, before any rule recurses. Token scan only.
import type { IToken } from 'chevrotain';
import * as T from './tokens.js';

/**
 * 100 keeps the deepest rule chain (arrow functions with block bodies, seven rule frames per level)
 * well inside Node's default stack even when the caller is itself deep; measured overflow points are
 * about 175 such levels and 360 nested parentheses. No hand-written program nests this deep.
 */
export const MAX_NESTING = 100;

/** The first opening bracket nested deeper than MAX_NESTING, if any. */
export function tooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const tok of tokens) {
    const type = tok.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LCurly) {
      if (++depth > MAX_NESTING) return tok;
    } else if ((type === T.RParen || type === T.RBracket || type === T.RCurly) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

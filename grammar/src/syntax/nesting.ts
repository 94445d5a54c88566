// Guards the recursive-descent parser against pathological nesting: finds the first bracket that
// opens more than MAX_NESTING levels deep, before any rule recurses. Token scan only.
import type { IToken } from 'chevrotain';
import * as T from './tokens.js';

export const MAX_NESTING = 200;

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

// Custom Chevrotain matchers for the context-sensitive tokens of ML: `//` comments (versus floor
// division), signed number literals (versus binary `-`/`+`) and `++`/`--` (lexed only to report them).
// The shared LexContext must be reset by lexer.ts around every tokenize call.
import type { CustomPatternMatcherReturn, IToken } from 'chevrotain';
import { isDigit, isWordChar, isWordStart, LexContext } from './lex-context.js';

export const lexContext = new LexContext();

function match(text: string, start: number, end: number): CustomPatternMatcherReturn {
  return [text.slice(start, end)] as unknown as CustomPatternMatcherReturn;
}

/** `//` to end of line, unless it directly follows a complete operand (then it is division). */
export function commentPattern(text: string, offset: number, matched: IToken[]): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 47) return null;
  if (lexContext.catchUp(matched).endsValue) return null;
  let end = offset + 2;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return match(text, offset, end);
}

/** `42`, `007`, `3.14`, `3.`, `.5`, `1e10`, `1.e5`, with a sign where a value is expected. */
export function numberPattern(text: string, offset: number, matched: IToken[]): CustomPatternMatcherReturn | null {
  let pos = offset;
  let c = text.charCodeAt(pos);
  if (c === 43 || c === 45) {
    const next = text.charCodeAt(pos + 1);
    if (!isDigit(next) && !(next === 46 && isDigit(text.charCodeAt(pos + 2)))) return null;
    if (lexContext.catchUp(matched).endsValue) return null;
    pos++;
    c = text.charCodeAt(pos);
  }
  if (c === 46) {
    if (!isDigit(text.charCodeAt(pos + 1))) return null;
    if (pos === offset && lexContext.catchUp(matched).endsValue) return null;
    pos++;
    while (isDigit(text.charCodeAt(pos))) pos++;
  } else if (isDigit(c)) {
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
  } else {
    return null;
  }
  const e = text.charCodeAt(pos);
  if (e === 101 || e === 69) {
    let q = pos + 1;
    const sign = text.charCodeAt(q);
    if (sign === 43 || sign === 45) q++;
    if (isDigit(text.charCodeAt(q))) {
      while (isDigit(text.charCodeAt(q))) q++;
      pos = q;
    }
  }
  return match(text, offset, pos);
}

/** `x++;` / `--x;`: lexed as one token only where it can be reported as the C idiom. */
export function incDecPattern(text: string, offset: number, matched: IToken[]): CustomPatternMatcherReturn | null {
  const c = text.charCodeAt(offset);
  if ((c !== 43 && c !== 45) || text.charCodeAt(offset + 1) !== c) return null;
  const ctx = lexContext.catchUp(matched);
  if (ctx.endsValue) {
    let p = offset + 2;
    while (p < text.length && /\s/.test(text.charAt(p))) p++;
    const n = text.charCodeAt(p);
    const operandStart = isWordChar(n) || n === 34 || n === 39 || n === 40 || n === 91 || n === 123 || n === 46;
    return operandStart ? null : match(text, offset, offset + 2);
  }
  if (ctx.atStatementStart && isWordStart(text.charCodeAt(offset + 2))) return match(text, offset, offset + 2);
  return null;
}

// Character-level scanners of the ML lexer: where a number, string, template string, comment or
// `++`/`--` starting at an offset ends (ML-LANGUAGE.md §1). Pure functions over the source text;
// the lexical context (does the previous token end a value?) is passed in, never kept here.
import { isDigit, isWordChar, isWordStart } from './lex-context.js';

/**
 * End of the number literal at `offset` (`42`, `007`, `3.14`, `3.`, `.5`, `1e10`, `1.e5`, with a sign
 * where a value is expected), or -1. `endsValue`: the previous token ends a complete operand.
 */
export function numberEnd(text: string, offset: number, endsValue: boolean): number {
  let pos = offset;
  let c = text.charCodeAt(pos);
  if (c === 43 || c === 45) {
    const next = text.charCodeAt(pos + 1);
    if (!isDigit(next) && !(next === 46 && isDigit(text.charCodeAt(pos + 2)))) return -1;
    if (endsValue) return -1;
    pos++;
    c = text.charCodeAt(pos);
  }
  if (c === 46) {
    if (!isDigit(text.charCodeAt(pos + 1))) return -1;
    if (pos === offset && endsValue) return -1;
    pos++;
    while (isDigit(text.charCodeAt(pos))) pos++;
  } else if (isDigit(c)) {
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
  } else {
    return -1;
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
  return pos;
}

const SPACE = /\s/;

/**
 * Whether the `++`/`--` at `offset` is lexed as one token: only where it can be reported as the C
 * idiom (`x++;` after an operand not followed by another operand, `++x;` at a statement start).
 */
export function isIncDec(text: string, offset: number, endsValue: boolean, atStatementStart: boolean): boolean {
  const c = text.charCodeAt(offset);
  if ((c !== 43 && c !== 45) || text.charCodeAt(offset + 1) !== c) return false;
  if (endsValue) {
    let p = offset + 2;
    while (p < text.length && SPACE.test(text.charAt(p))) p++;
    const n = text.charCodeAt(p);
    const operandStart = isWordChar(n) || n === 34 || n === 39 || n === 40 || n === 91 || n === 123 || n === 46;
    return !operandStart;
  }
  return atStatementStart && isWordStart(text.charCodeAt(offset + 2));
}

/** End of the string closed by its quote at `offset` (it may span lines), or -1 when it is not closed. */
export function closedStringEnd(text: string, offset: number): number {
  const quote = text.charCodeAt(offset);
  const n = text.length;
  for (let i = offset + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 92) {
      if (i + 1 >= n) return -1;
      i++;
    }
  }
  return -1;
}

/** End of an unclosed string at `offset`: the rest of its line (a final backslash included). */
export function unterminatedStringEnd(text: string, offset: number): number {
  const n = text.length;
  const quote = text.charCodeAt(offset);
  let i = offset + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === quote) return i;
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= n || next === 10 || next === 13) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return i;
}

/** End of the line starting at `offset` (before its `\n` or `\r`). */
export function lineEnd(text: string, offset: number): number {
  const n = text.length;
  let end = offset;
  while (end < n) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return end;
}

/** End of the `/* ... *\/` at `offset` (the end of the text when it is never closed). */
export function blockCommentEnd(text: string, offset: number): number {
  const close = text.indexOf('*/', offset + 2);
  return close < 0 ? text.length : close + 2;
}

/** End of the template string at `offset` (through its closing backtick), or -1 when unclosed. */
export function templateEnd(text: string, offset: number): number {
  const close = text.indexOf('`', offset + 1);
  return close < 0 ? -1 : close + 1;
}

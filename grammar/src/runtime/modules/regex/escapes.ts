// Character-level parts of the Python → JavaScript regex translation: escapes that stand for one
// character, character classes `[...]`, and literal characters (expanded per case when folding).
import { caseVariants, rangeCaseExtras } from './case-fold.js';
import type { Cursor } from './cursor.js';
import { CHAR_ESCAPES, classEscape, isAsciiLetter, isDigit, isHex, isOctal, literal } from './syntax.js';

/** A literal character; with `fold`, a class of its case variants. */
export function literalText(cp: number, fold: boolean): string {
  if (!fold) return literal(cp);
  const variants = caseVariants(cp);
  return variants.length === 1 ? literal(cp) : `[${variants.map(literal).join('')}]`;
}

function hexDigits(cur: Cursor, start: number, count: number, prefix: string): number {
  let digits = '';
  while (digits.length < count && isHex(cur.peek())) digits += cur.take();
  if (digits.length < count) cur.error(`incomplete escape ${prefix}${digits}`, start);
  return parseInt(digits, 16);
}

/**
 * An escape that denotes one character (`\n`, `\x41`, `\u00e9`, `\U0001F600`, octal, `\.`), after
 * the backslash and the letter `c` were read. In a class `\b` is a backspace and `\1` is octal.
 */
export function charEscape(cur: Cursor, start: number, c: string, inClass: boolean): number {
  const simple = CHAR_ESCAPES[c];
  if (simple !== undefined) return simple;
  if (c === 'b' && inClass) return 0x08;
  if (c === 'x') return hexDigits(cur, start, 2, '\\x');
  if (c === 'u') return hexDigits(cur, start, 4, '\\u');
  if (c === 'U') {
    const v = hexDigits(cur, start, 8, '\\U');
    if (v > 0x10ffff) cur.error(`bad escape \\U${v.toString(16).padStart(8, '0')}`, start);
    return v;
  }
  if (c === 'N') return cur.error('named Unicode escapes \\N{...} are not supported', start);
  if (isOctal(c) && (c === '0' || inClass)) {
    let digits = c;
    while (digits.length < 3 && isOctal(cur.peek())) digits += cur.take();
    const v = parseInt(digits, 8);
    if (v > 0o377) cur.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
    return v;
  }
  if (isDigit(c) || isAsciiLetter(c)) cur.error(`bad escape \\${c}`, start);
  return c.codePointAt(0)!;
}

/** One class member: a code point, or the JavaScript text of a class escape such as `\d`. */
function classItem(cur: Cursor, ascii: boolean): number | string {
  const start = cur.pos;
  const c = cur.take()!;
  if (c !== '\\') return c.codePointAt(0)!;
  const e = cur.take();
  if (e === undefined) cur.error('bad escape (end of pattern)', start);
  if ('dDwWsS'.includes(e)) return classEscape(e, ascii);
  return charEscape(cur, start, e, true);
}

/**
 * A character class `[...]` (the `[` at `start` already read), as a `v`-flag class. Python's rules:
 * a `]` right after `[` or `[^` is literal, `-` at either end is literal, ranges need two characters.
 */
export function charClass(cur: Cursor, start: number, ascii: boolean, fold: boolean): string {
  let negate = false;
  if (cur.peek() === '^') {
    cur.pos++;
    negate = true;
  }
  let body = '';
  let first = true;
  for (;;) {
    const c = cur.peek();
    if (c === undefined) cur.error('unterminated character set', start);
    if (c === ']' && !first) {
      cur.pos++;
      break;
    }
    first = false;
    const itemPos = cur.pos;
    const lo = classItem(cur, ascii);
    if (cur.peek() === '-' && cur.peek(1) !== ']' && cur.peek(1) !== undefined) {
      cur.pos++;
      const hi = classItem(cur, ascii);
      if (typeof lo === 'string' || typeof hi === 'string' || hi < lo) {
        cur.error(`bad character range ${cur.slice(itemPos, cur.pos)}`, itemPos);
      }
      body += `${literal(lo)}-${literal(hi)}`;
      if (fold) body += rangeCaseExtras(lo, hi).map(literal).join('');
    } else if (typeof lo === 'string') {
      body += lo;
    } else {
      body += fold ? caseVariants(lo).map(literal).join('') : literal(lo);
    }
  }
  return negate ? `[^${body}]` : `[${body}]`;
}

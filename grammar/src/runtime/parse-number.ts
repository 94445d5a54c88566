// Text → number conversions for `int()` and `float()`, following Python's accepted syntax
// (surrounding whitespace, `_` between digits, `inf`/`nan`). Pure.
import type { Value } from './values.js';
import { raise } from './errors.js';
import { makeFloat, makeInt, truncToInt } from './numbers.js';
import { quoteString } from './text.js';

const DIGITS = '\\d(?:_?\\d)*';
const FLOAT_RE = new RegExp(`^[+-]?(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?$`);
const INT_RE = new RegExp(`^[+-]?${DIGITS}$`);
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** Parses Python float() syntax; undefined when the text is not a float literal. */
export function parseFloatText(text: string): number | undefined {
  const s = text.trim();
  const special = SPECIAL_RE.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(s)) return undefined;
  return Number(s.replace(/_/g, ''));
}

/** `float(text)`. */
export function floatFromString(text: string): Value {
  const n = parseFloatText(text);
  if (n === undefined) return raise('ValueError', `could not convert string to float: ${quoteString(text)}`);
  return makeFloat(n);
}

/**
 * `int(text)`: an integer literal converts exactly (any size); otherwise the text is read as a
 * float and truncated, as the reference does (`int("3.9")` → 3).
 */
export function intFromString(text: string): Value {
  const s = text.trim();
  if (INT_RE.test(s)) return makeInt(BigInt(s.replace(/_/g, '')));
  const n = parseFloatText(s);
  if (n === undefined) return raise('ValueError', `invalid literal for int() with base 10: ${quoteString(text)}`);
  return truncToInt(n);
}

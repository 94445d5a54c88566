// Comparison and equality operators as transpiled code calls them: a fast path for two JS numbers
// (ints or non-integral floats), everything else through compare.ts. Pure.
import type { Value } from './values.js';
import { compareOp, equals } from './compare.js';

export function eq(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== 'number' || a === a;
  if (typeof a === 'number' && typeof b === 'number') return false;
  return equals(a, b);
}

export function ne(a: Value, b: Value): boolean {
  return !eq(a, b);
}

export function lt(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compareOp(a, b, '<') < 0;
}

export function le(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return compareOp(a, b, '<=') <= 0;
}

export function gt(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return compareOp(a, b, '>') > 0;
}

export function ge(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return compareOp(a, b, '>=') >= 0;
}

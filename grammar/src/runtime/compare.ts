// Truthiness, deep equality (`==`) and ordering (`<` and friends) with ML/Python semantics.
// Pure; never touches the host. Ordering raises TypeError on mixed types; equality never raises.
import { MLFloat, MLNative, MLObject, MLTuple, type Value } from './values.js';
import { raise } from './errors.js';
import { pyTypeName } from './text.js';

/** ML truthiness: false, null, 0, 0.0, "", [], {} are falsy; NaN and everything else is truthy. */
export function truthy(v: Value): boolean {
  if (v === true) return true;
  if (v === false || v === null) return false;
  switch (typeof v) {
    case 'number':
      return v !== 0;
    case 'string':
      return v.length !== 0;
    case 'bigint':
      return true;
  }
  if (Array.isArray(v)) return v.length !== 0;
  if (v instanceof MLObject) return v.map.size !== 0;
  if (v instanceof MLFloat) return v.value !== 0;
  return true;
}

/** Numeric value for comparisons, or undefined when `v` is not int/float/bool. */
function numericKey(v: Value): number | bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
  }
  if (v instanceof MLFloat) return v.value;
  return undefined;
}

/** Exact comparison of two numeric keys (-1, 0, 1), NaN-aware: NaN yields NaN. */
function numCompare(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed bigint/number: compare exactly (JS relational operators on bigint vs number are exact).
  if (typeof a === 'number' && Number.isNaN(a)) return NaN;
  if (typeof b === 'number' && Number.isNaN(b)) return NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deep ML equality. `1 == 1.0 == true`, arrays/objects structurally, functions/natives by identity. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  const na = numericKey(a);
  if (na !== undefined) {
    const nb = numericKey(b);
    return nb !== undefined && numCompare(na, nb) === 0;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !equals(a[i]!, b[i]!)) return false;
    return true;
  }
  if (a instanceof MLObject) {
    if (!(b instanceof MLObject) || a.map.size !== b.map.size) return false;
    for (const [k, v] of a.map) {
      const w = b.map.get(k);
      if (w === undefined || (v !== w && !equals(v, w))) return false;
    }
    return true;
  }
  if (a instanceof MLTuple) {
    if (!(b instanceof MLTuple) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!equals(a.items[i]!, b.items[i]!)) return false;
    return true;
  }
  if (a instanceof MLNative && b instanceof MLNative) {
    return a.equals !== undefined && a.equals(b);
  }
  return false;
}

/** Compares two strings by code point (JS `<` compares UTF-16 units, which differs past U+FFFF). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800 && (x < 0xe000 || y < 0xe000)) {
        return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function orderError(op: string, a: Value, b: Value): never {
  return raise('TypeError', `'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/**
 * Three-way ordering for `<`, `<=`, `>`, `>=`, sorted(), min() and max(): numbers with numbers,
 * strings with strings, arrays (and pairs) lexicographically. Returns NaN when a NaN is involved
 * (every ordering test is then false). Other mixes raise TypeError naming `op`.
 */
export function compareOp(a: Value, b: Value, op: string): number {
  if (typeof a === 'string') {
    if (typeof b === 'string') return a === b ? 0 : compareStrings(a, b);
    return orderError(op, a, b);
  }
  const na = numericKey(a);
  if (na !== undefined) {
    const nb = numericKey(b);
    if (nb === undefined) return orderError(op, a, b);
    return numCompare(na, nb);
  }
  if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof MLTuple && b instanceof MLTuple)) {
    const xs = Array.isArray(a) ? a : (a as MLTuple).items;
    const ys = Array.isArray(b) ? b : (b as MLTuple).items;
    const n = Math.min(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      if (!equals(xs[i]!, ys[i]!)) return compareOp(xs[i]!, ys[i]!, op);
    }
    return xs.length < ys.length ? -1 : xs.length > ys.length ? 1 : 0;
  }
  if (a instanceof MLNative && b instanceof MLNative && a.typeName === b.typeName) {
    if (a.compareTo !== undefined) return a.compareTo(b);
  }
  return orderError(op, a, b);
}

/** compare(a, b) → -1 / 0 / 1 (NaN counts as equal); TypeError on mixed types. */
export function compare(a: Value, b: Value): number {
  const c = compareOp(a, b, '<');
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// List algorithms shared by `collections` and `functional`: stable sorting with Python's ordering,
// order-preserving de-duplication by ML equality, one-level flattening, chunking. Always new arrays.
import { MLFloat, type Value } from '../values.js';
import { callValue, compare, equals, raise } from '../ops.js';

/** Python's sorted(): stable, `reverse` keeps equal items in their original order. */
export function sortValues(list: readonly Value[], key: Value | null, reverse: boolean): Value[] {
  const keys = key === null ? list : list.map((x) => callValue(key, [x]));
  const order = list.map((_, i) => i);
  const sign = reverse ? -1 : 1;
  order.sort((a, b) => sign * compare(keys[a]!, keys[b]!));
  return order.map((i) => list[i]!);
}

const numKey = (x: number) =>
  'n' + (Number.isInteger(x) && !Number.isSafeInteger(x) ? BigInt(x).toString() : String(x));

/** A hashable identity for values Python would hash equal (1, 1.0 and True share one). */
function hashKey(v: Value): string | null {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return numKey(v);
    case 'bigint':
      return 'n' + v.toString();
    case 'boolean':
      return v ? 'n1' : 'n0';
  }
  if (v === null) return 'null';
  if (v instanceof MLFloat) return numKey(v.value);
  return null;
}

/** Removes later duplicates (by ML `==`), keeping the first occurrence of each value. */
export function uniqueValues(list: readonly Value[]): Value[] {
  const seen = new Set<string>();
  const others: Value[] = [];
  const out: Value[] = [];
  for (const v of list) {
    const k = hashKey(v);
    if (k !== null) {
      if (seen.has(k)) continue;
      seen.add(k);
    } else {
      if (others.some((o) => equals(o, v))) continue;
      others.push(v);
    }
    out.push(v);
  }
  return out;
}

/** Flattens one level: arrays are spliced in, anything else is kept as an item. */
export function flattenOnce(list: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) {
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

/** Consecutive slices of `size` items (the last may be shorter). */
export function chunkValues(list: readonly Value[], size: number): Value[] {
  if (size <= 0) raise('ValueError', 'chunk size must be a positive integer');
  const out: Value[] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

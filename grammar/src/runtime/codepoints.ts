// Strings are indexed by code point in ML (like Python) while JS strings are UTF-16. These helpers
// convert between the two, with a fast path for the common case of text without surrogates. Pure.

const SURROGATE = /[\uD800-\uDFFF]/;

let cachedString = '';
let cachedPoints: string[] | null = null;

/** The string's code points as one-character strings, or null when every code point is one unit. */
export function codePoints(s: string): string[] | null {
  if (s === cachedString) return cachedPoints;
  const points = SURROGATE.test(s) ? Array.from(s) : null;
  cachedString = s;
  cachedPoints = points;
  return points;
}

/** Length in code points (what `len(s)` and `s.length` report). */
export function cpLength(s: string): number {
  const p = codePoints(s);
  return p ? p.length : s.length;
}

/** The code point at code-point index `i` (0 <= i < length), as a string. */
export function cpAt(s: string, i: number): string {
  const p = codePoints(s);
  return p ? p[i]! : s[i]!;
}

/** Substring by code-point indexes [start, end). */
export function cpSlice(s: string, start: number, end: number): string {
  const p = codePoints(s);
  return p ? p.slice(start, end).join('') : s.slice(start, end);
}

/** UTF-16 offset of code-point index `i` (clamped to the string). */
export function unitOffset(s: string, i: number): number {
  const p = codePoints(s);
  if (!p) return Math.min(i, s.length);
  let off = 0;
  for (let k = 0; k < i && k < p.length; k++) off += p[k]!.length;
  return off;
}

/** Code-point index of UTF-16 offset `u`. */
export function cpIndex(s: string, u: number): number {
  if (!codePoints(s)) return u;
  let n = 0;
  for (let k = 0; k < u; n++) k += s.codePointAt(k)! > 0xffff ? 2 : 1;
  return n;
}

/** Python's clamping of optional `start`/`end` slice bounds to [0, len]. */
export function clampBounds(len: number, start: number | null, end: number | null): [number, number] {
  let a = start ?? 0;
  let b = end ?? len;
  if (a < 0) a = Math.max(0, a + len);
  if (b < 0) b = Math.max(0, b + len);
  return [Math.min(a, len), Math.min(b, len)];
}

// Case-insensitive matching by expansion, for patterns whose IGNORECASE differs between scopes
// (`(?i:...)`, `(?-i:...)`): JavaScript cannot switch its `i` flag inside a pattern (Node 20).

/** The code points a character matches ignoring case (itself, its lower and upper forms). */
export function caseVariants(cp: number): number[] {
  const s = String.fromCodePoint(cp);
  const out = new Set<number>([cp]);
  for (const t of [s.toLowerCase(), s.toUpperCase(), s.toUpperCase().toLowerCase(), s.toLowerCase().toUpperCase()]) {
    const points = Array.from(t);
    if (points.length === 1) out.add(points[0]!.codePointAt(0)!);
  }
  return [...out];
}

/** Ranges longer than this are not expanded (they keep their exact members only). */
const MAX_EXPANDED_RANGE = 5000;

/** Case variants of the members of lo..hi that lie outside the range, sorted. */
export function rangeCaseExtras(lo: number, hi: number): number[] {
  if (hi - lo > MAX_EXPANDED_RANGE) return [];
  const extra = new Set<number>();
  for (let cp = lo; cp <= hi; cp++) {
    for (const v of caseVariants(cp)) if (v < lo || v > hi) extra.add(v);
  }
  return [...extra].sort((a, b) => a - b);
}

// Structural equality of two ASTs that ignores positions (and the comment list): the formatter's
// proof that a reformatted program means the same, and the round-trip tests' oracle.

const POSITION_KEYS = new Set(['range', 'operatorRange', 'permissionRange', 'comments']);

/** True when both trees have the same node kinds, names, literals and shape. */
export function sameAst(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameAst(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => !POSITION_KEYS.has(k));
  if (keys.length !== Object.keys(rb).filter((k) => !POSITION_KEYS.has(k)).length) return false;
  return keys.every((k) => k in rb && sameAst(ra[k], rb[k]));
}

/** A copy of the tree without positions, for readable test failures. */
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!POSITION_KEYS.has(k)) out[k] = stripPositions(v);
  return out;
}

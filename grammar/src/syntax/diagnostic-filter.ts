// Keeps one diagnostic per mistake: Chevrotain's generic errors (ML200-ML202) that follow another
// diagnostic inside the same statement are cascades of that first mistake and are dropped, and so are
// targeted ones spanning a lexical error. Lexical diagnostics are always kept. Pure function.
import type { Diagnostic } from '../diagnostics.js';
import type { TokenStore } from './token-store.js';
import * as T from './tokens.js';

/** Offsets of the tokens that end or open a statement scope: `;`, `{`, `}`. */
function boundaryOffsets(tokens: TokenStore): number[] {
  const out: number[] = [];
  const semi = T.Semi.tokenTypeIdx!;
  const open = T.LCurly.tokenTypeIdx!;
  const close = T.RCurly.tokenTypeIdx!;
  for (let i = 0; i < tokens.count; i++) {
    const t = tokens.typeIdx(i);
    if (t === semi || t === open || t === close) out.push(tokens.start(i));
  }
  return out;
}

/** Number of values in sorted `xs` in [lo, hi): a diagnostic sitting on a `;` ends that statement. */
function countBetween(xs: number[], lo: number, hi: number): number {
  const first = lowerBound(xs, lo);
  const last = lowerBound(xs, hi);
  return Math.max(0, last - first);
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges lexical, targeted and generic diagnostics in source order, dropping generic ones that
 * cascade from an earlier diagnostic of the same statement or sit inside a lexical error.
 */
export function mergeDiagnostics(
  lexical: Diagnostic[],
  targeted: Diagnostic[],
  generic: Diagnostic[],
  tokens: TokenStore,
): Diagnostic[] {
  // A targeted diagnostic spanning a lexical error (`héllo = 1` seen as `h é llo`) is explained by it.
  const explained = (d: Diagnostic) =>
    lexical.some((l) => d.range.start.offset <= l.range.start.offset && l.range.start.offset < d.range.end.offset);
  const kept = [...lexical, ...targeted.filter((d) => !explained(d))].sort(byStart);
  if (generic.length === 0) return kept;
  const boundaries = boundaryOffsets(tokens);
  for (const g of [...generic].sort(byStart)) {
    const at = g.range.start.offset;
    const cascade = kept.some((d) => {
      const s = d.range.start.offset;
      if (s > at) return false;
      if (d.source === 'lexer' && at <= d.range.end.offset) return true;
      return countBetween(boundaries, s, at) === 0;
    });
    if (!cascade) {
      kept.push(g);
      kept.sort(byStart);
    }
  }
  return kept;
}

function byStart(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset;
}

// Width ranges of regex parts, in code points, as Python's sre computes them (`getwidth`): what
// the translator needs to reject a lookbehind whose width is not fixed, as Python does.

/** Fewest and most code points a part can match (`hi` may be Infinity). */
export interface Width {
  readonly lo: number;
  readonly hi: number;
}

export const ZERO: Width = { lo: 0, hi: 0 };
export const ONE: Width = { lo: 1, hi: 1 };

/** Either of two alternatives. */
export function alternativeWidth(a: Width, b: Width): Width {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** A part repeated `min` to `max` times (a zero-width part stays zero-width however often). */
export function repeatWidth(w: Width, min: number, max: number): Width {
  return { lo: w.lo * min, hi: w.hi === 0 ? 0 : w.hi * max };
}

// Pattern-structure helpers of the regex translator: the output parts (text, capture opens,
// backreferences and their guards, numbered only at the end), `{m,n}` quantifiers and leading
// global inline flags.
import { RegexSyntaxError, type Cursor } from './cursor.js';
import { INLINE_FLAGS, isDigit } from './syntax.js';

/**
 * Output: literal JavaScript text, a capture group opening or a backreference by group id, or
 * the two halves of a guarded backreference: `marker` (after group `n`) and `guard` (before a
 * reference to it), which are emitted only for the groups `assemble` is told are guarded.
 */
export type Part =
  | string
  | { readonly open: number }
  | { readonly ref: number }
  | { readonly marker: number }
  | { readonly guard: number };

const REPEAT_LIMIT = 4294967295;

/**
 * Joins the parts into JavaScript source. Python groups have positive ids, synthetic ones (atomic
 * groups, possessive quantifiers) negative ids; JavaScript numbers them in order of their `(`.
 *
 * A guarded group's marker captures the text from one code unit before the group's end to the end
 * of the subject: set only when the group matched, and longer than what remains wherever a later
 * reference runs (or one position further, for a group that ended at 0). The guard
 * `(?!\\m)` therefore holds exactly when the marker is set; JavaScript has no other test for
 * "group did not participate". On an empty subject the marker is empty and the guard always fails.
 */
export function assemble(
  parts: readonly Part[],
  guarded: ReadonlySet<number> = new Set(),
): { source: string; jsGroup: number[] } {
  const jsGroup: number[] = [0];
  const syntheticJs = new Map<number, number>();
  const markerJs = new Map<number, number>();
  let next = 1;
  let source = '';
  for (const p of parts) {
    if (typeof p === 'string') source += p;
    else if ('open' in p) {
      if (p.open > 0) jsGroup[p.open] = next;
      else syntheticJs.set(p.open, next);
      next++;
      source += '(';
    } else if ('ref' in p) {
      const n = p.ref > 0 ? jsGroup[p.ref] : syntheticJs.get(p.ref);
      source += `(?:\\${n})`;
    } else if ('marker' in p) {
      if (!guarded.has(p.marker)) continue;
      markerJs.set(p.marker, next++);
      source += '(?<=(?=([\\s\\S]*))[\\s\\S]?)';
    } else if (guarded.has(p.guard)) {
      const m = markerJs.get(p.guard);
      source += `(?:(?!\\${m})|(?=[\\s\\S](?!\\${m})))`;
    }
  }
  return { source, jsGroup };
}

/** Parses `{m}`, `{m,}`, `{,n}`, `{m,n}` after the `{`; null (position unchanged) if it is a literal. */
export function braceQuantifier(cur: Cursor): { min: number; max: number } | null {
  const here = cur.pos;
  if (cur.peek() === '}') return null;
  let lo = '';
  let hi = '';
  while (isDigit(cur.peek())) lo += cur.take();
  if (cur.peek() === ',') {
    cur.pos++;
    while (isDigit(cur.peek())) hi += cur.take();
  } else {
    hi = lo;
  }
  if (cur.peek() !== '}') {
    cur.pos = here;
    return null;
  }
  cur.pos++;
  const min = lo === '' ? 0 : Number(lo);
  const max = hi === '' ? Infinity : Number(hi);
  if (min >= REPEAT_LIMIT || (max !== Infinity && max >= REPEAT_LIMIT)) {
    cur.error('the repetition number is too large', -1);
  }
  if (max < min) cur.error('min repeat greater than max repeat', here);
  return { min, max };
}

/** Global flags from `(?aiLmsux)` groups at the very start, which apply to the whole pattern. */
export function leadingGlobalFlags(src: readonly string[]): number {
  let f = 0;
  let i = 0;
  while (src[i] === '(' && src[i + 1] === '?') {
    let j = i + 2;
    let g = 0;
    while (src[j] !== undefined && INLINE_FLAGS[src[j]!] !== undefined) {
      if (src[j] === 'L') throw new RegexSyntaxError("bad inline flags: cannot use 'L' flag with a str pattern", j + 1);
      g |= INLINE_FLAGS[src[j++]!]!;
    }
    if (j === i + 2 || src[j] !== ')') break;
    f |= g;
    i = j + 1;
  }
  return f;
}

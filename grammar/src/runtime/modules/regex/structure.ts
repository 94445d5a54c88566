// Pattern-structure helpers of the regex translator: the output parts (text, capture opens and
// backreferences, numbered only at the end), `{m,n}` quantifiers and leading global inline flags.
import { RegexSyntaxError, type Cursor } from './cursor.js';
import { INLINE_FLAGS, isDigit } from './syntax.js';

/** Output: literal JavaScript text, a capture group opening, or a backreference, by group id. */
export type Part = string | { readonly open: number } | { readonly ref: number };

const REPEAT_LIMIT = 4294967295;

/**
 * Joins the parts into JavaScript source. Python groups have positive ids, synthetic ones (atomic
 * groups, possessive quantifiers) negative ids; JavaScript numbers them in order of their `(`.
 */
export function assemble(parts: readonly Part[]): { source: string; jsGroup: number[] } {
  const jsGroup: number[] = [0];
  const syntheticJs = new Map<number, number>();
  let next = 1;
  let source = '';
  for (const p of parts) {
    if (typeof p === 'string') source += p;
    else if ('open' in p) {
      if (p.open > 0) jsGroup[p.open] = next;
      else syntheticJs.set(p.open, next);
      next++;
      source += '(';
    } else {
      const n = p.ref > 0 ? jsGroup[p.ref] : syntheticJs.get(p.ref);
      source += `(?:\\${n})`;
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

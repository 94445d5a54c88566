// The retry after an empty match (Python 3.7+: a non-empty match may start where an empty one did)
// checked against a reference construction on random patterns. Python's engine backtracks and
// rejects every candidate that ends where it started; the reference does that with a lookahead that
// captures the rest of the text and a final `(?!\k)` (exact, but a pass over the text per retry).
// The module's retry pattern must give the same first non-empty match, spans and groups included,
// at every position. Patterns without a retry pattern must never have such a match after an empty one.
import { describe, expect, it } from 'vitest';
import { CompiledRegex } from '../../src/runtime/modules/regex/compile.js';
import { Subject } from '../../src/runtime/modules/regex/subject.js';
import {
  RegexSyntaxError,
  translatePattern,
  type TranslatedPattern,
} from '../../src/runtime/modules/regex/translate.js';

/** Deterministic generator (mulberry32), so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANCHORS = ['^', '$', '\\b', '\\B', '\\A', '\\Z'];
const ATOMS = ['a', 'b', '.', '[ab]', '(?<=a)', '(?<!b)', '(?<=ab|ba)', ...ANCHORS];
const QUANTIFIERS = ['*', '+', '?', '{0,2}', '{1,2}', '*?', '+?', '??', '{0,2}?', '{1,2}?', '*+', '?+'];
const OPENERS = ['(', '(', '(?:', '(?:', '(?=', '(?!', '(?>', '(?i:'];

/** A random Python pattern over a, b: alternation (with empty branches), groups, lookarounds, references. */
function randomPattern(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const alternation = (depth: number): string => {
    const branches: string[] = [];
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) branches.push(sequence(depth));
    return branches.join('|');
  };
  const sequence = (depth: number): string => {
    let s = '';
    const count = Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const r = rand();
      let atom: string;
      if (depth < 3 && r < 0.3) atom = pick(OPENERS) + alternation(depth + 1) + ')';
      else if (r < 0.36) atom = `\\${1 + Math.floor(rand() * 2)}`;
      else atom = pick(ATOMS);
      // Python cannot repeat an anchor ("nothing to repeat"); lookarounds may be repeated.
      if (!ANCHORS.includes(atom) && rand() < 0.45) atom += pick(QUANTIFIERS);
      s += atom;
    }
    return s;
  };
  return alternation(0);
}

/** The reference retry: group 1 captures the rest of the text, so `(?!\1)` holds once the match advanced. */
function referenceRetry(info: TranslatedPattern): RegExp {
  // The translator writes a backreference as `\` and digits (never a digit escape otherwise).
  const shifted = info.source.replace(/\\(\\|[1-9]\d*)/g, (all: string, d: string) =>
    d === '\\' ? all : `\\${Number(d) + 1}`,
  );
  return new RegExp(`(?=([\\s\\S]*))(?:${shifted})(?!\\1)`, info.ignoreCase ? 'dviy' : 'dvy');
}

/** Start and end of every group of a match (undefined for a group that did not match), whole match first. */
function spans(m: RegExpExecArray | null, skip: number): string {
  if (m === null) return 'none';
  return JSON.stringify(m.indices!.filter((_, i) => i === 0 || i > skip));
}

const TEXTS = ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'bba', 'aAb', 'a\nb', 'baab', 'abba'];

/** Python flags to combine: none, IGNORECASE, MULTILINE, DOTALL. */
const FLAG_CHOICES = [0, 0, 2, 8, 16];

describe('retry after an empty match', () => {
  it('finds the same first non-empty match as the reference construction', () => {
    const rand = prng(20260522);
    const mismatches: string[] = [];
    let compiled = 0;
    let found = 0;
    let notFound = 0;
    let lastChoice = 0;
    for (let n = 0; n < 3000; n++) {
      const pattern = randomPattern(rand);
      const flags = FLAG_CHOICES[Math.floor(rand() * FLAG_CHOICES.length)]!;
      let info: TranslatedPattern;
      try {
        info = translatePattern(pattern, flags);
      } catch (e) {
        if (e instanceof RegexSyntaxError) continue;
        throw e;
      }
      compiled++;
      const c = new CompiledRegex(pattern, info);
      const reference = referenceRetry(info);
      for (const text of TEXTS) {
        const subject = new Subject(text);
        for (let at = 0; at <= text.length; at++) {
          reference.lastIndex = at;
          const expected = spans(reference.exec(text), 1);
          let actual: string;
          if (info.nonEmptySource !== null) {
            actual = spans(c.nonEmptyAt(subject, at), 0);
            if (expected === 'none') notFound++;
            else found++;
          } else if (c.matchAt(subject, at)?.[0] === '') {
            // Without a retry pattern, an empty match must be the pattern's last choice.
            actual = 'none';
            lastChoice++;
          } else {
            continue;
          }
          if (actual !== expected) {
            mismatches.push(
              `${JSON.stringify(pattern)} flags ${flags} on ${JSON.stringify(text)} at ${at}: ${actual}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The random patterns must exercise every outcome.
    expect(compiled).toBeGreaterThan(1500);
    expect(Math.min(found, notFound, lastChoice)).toBeGreaterThan(2000);
  });
});

// What the regex translator emits for the constructs where JavaScript and Python differ: guards
// only on backreferences whose group may not have matched (they cost a pass over the text), the
// non-empty retry only for patterns that can prefer an empty match, and lookbehind widths.
import { describe, expect, it } from 'vitest';
import { RegexSyntaxError, translatePattern } from '../../src/runtime/modules/regex/translate.js';

const MARKER = '(?<=(?=(';

const guarded: [string, boolean][] = [
  ['(\\w)\\1', false],
  ['(a)(b)?\\1', false],
  ['(a|b)\\1', false],
  ['(?:x(a))\\1', false],
  ['x|(a)\\1', false],
  ['(?=(a))\\1', false],
  ['(a*)?\\1', false],
  ['(a)?\\1', true],
  ['(a)*\\1', true],
  ['(a){0,3}\\1', true],
  ['(?:(a)|b)\\1', true],
  ['(?:(?:(a))?)\\1', true],
  ['(a)|\\1', true],
  ['(?!(a))\\1', true],
  ['(?P<q>a)?(?P=q)', true],
];

describe('backreference guards', () => {
  it.each(guarded)('%s guarded: %s', (pattern, expected) => {
    expect(translatePattern(pattern, 0).source.includes(MARKER)).toBe(expected);
  });
});

const retries: [string, boolean][] = [
  ['x*', false],
  ['(?:ab)*(?!c)', false],
  ['a|b', true],
  ['x*?', true],
  ['a??', true],
  ['a{1,2}?', true],
];

describe('non-empty retry after an empty match', () => {
  it.each(retries)('%s needs a retry pattern: %s', (pattern, expected) => {
    expect(translatePattern(pattern, 0).nonEmptySource !== null).toBe(expected);
  });
});

const lookbehinds: [string, string | null][] = [
  ['(?<=ab)c', null],
  ['(?<=a{3})c', null],
  ['(?<=(?:ab|cd))c', null],
  ['(?<=a(?=b)\\b)c', null],
  ['(ab)(?<=\\1)c', null],
  ['(?<=a|bc)d', 'look-behind requires fixed-width pattern'],
  ['(?<!a?)d', 'look-behind requires fixed-width pattern'],
  ['(?<=a+)d', 'look-behind requires fixed-width pattern'],
  ['(a+)(?<=\\1)c', 'look-behind requires fixed-width pattern'],
  ['(?<=a|bc)(', 'missing ), unterminated subpattern'],
  ['(?<=(a)\\1)c', 'cannot refer to group defined in the same lookbehind subpattern'],
];

describe('lookbehind width', () => {
  it.each(lookbehinds)('%s', (pattern, message) => {
    let error: string | null = null;
    try {
      translatePattern(pattern, 0);
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      error = e.message;
    }
    expect(error).toBe(message);
  });
});

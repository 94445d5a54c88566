// Text forms (ML-LANGUAGE.md §7): print/str, repr, and Python str() inside `+`.
import { describe, expect, test } from 'vitest';
import { show } from './harness.js';

const PRINT: [string, string][] = [
  ['true, false, null', 'true false None'],
  ['[true, false, null]', '[True, False, None]'],
  ['{on: true, n: null}', "{'on': True, 'n': None}"],
  ['[1, 2.5, "three", [4], {s: 6}]', "[1, 2.5, 'three', [4], {'s': 6}]"],
  ['["it\'s", \'say "hi"\']', `["it's", 'say "hi"']`],
  ['["both \' and \\""]', `['both \\' and "']`],
  ['["back\\\\slash"]', "['back\\\\slash']"],
  ['["tab\\there", "nl\\n"]', "['tab\\there', 'nl\\n']"],
  ['[chr(7), chr(127), chr(160), chr(233)]', "['\\x07', '\\x7f', '\\xa0', 'é']"],
  ['[chr(8232)]', "['\\u2028']"],
  ['zip([0], ["a"])[0]', "(0, 'a')"],
  ['[zip([true], [null])[0]]', '[(True, None)]'],
  ['[1e20, 1e-7, -0.0]', '[1e+20, 1e-07, -0.0]'],
  ['print', '<function print>'],
  ['fn(x) => x', '<function <lambda>>'],
  ['""', ''],
  ['', ''],
];

const REPR: [string, string][] = [
  ['repr("text")', "'text'"],
  ['repr("it\'s")', `"it's"`],
  ['repr(10)', '10'],
  ['repr(2.5)', '2.5'],
  ['repr(true)', 'true'],
  ['repr(null)', 'None'],
  ['repr([1, "two"])', "[1, 'two']"],
  ['str(true)', 'true'],
  ['str([true])', '[True]'],
  ['str({v: null})', "{'v': None}"],
  ['"x" + [1, "a"]', "x[1, 'a']"],
  ['"" + {k: false}', "{'k': False}"],
  ['"" + 1.0', '1.0'],
];

describe('print / str', () => {
  test.each(PRINT)('print(%s)', (args, expected) => {
    expect(show(args)).toBe(expected);
  });
});

describe('repr and Python str()', () => {
  test.each(REPR)('%s', (expr, expected) => {
    expect(show(expr)).toBe(expected);
  });
});

test('self-containing arrays and objects print with ellipses', () => {
  expect(show('a', 'a = [1]; a.append(a);')).toBe('[1, [...]]');
  expect(show('o', 'o = {}; o.me = o;')).toBe("{'me': {...}}");
});

// Indexing, slicing (Python semantics, code points for strings), index assignment, member access.
import { describe, expect, test } from 'vitest';
import { show } from './harness.js';

const PRELUDE = 'a = [10, 20, 30, 40, 50]; s = "héllo🙂x"; o = {k: 1, "two words": 2};';

const CASES: [string, string][] = [
  ['a[0], a[-1], a[-5]', '10 50 10'],
  ['a[5]', 'IndexError: list index out of range'],
  ['a[-6]', 'IndexError: list index out of range'],
  ['a[true]', '20'],
  ['a[1.0]', 'TypeError: list indices must be integers or slices, not float'],
  ['a["0"]', 'TypeError: list indices must be integers or slices, not str'],
  ['a[1:3], a[:2], a[3:], a[:], a[-2:]', '[20, 30] [10, 20] [40, 50] [10, 20, 30, 40, 50] [40, 50]'],
  ['a[::2], a[::-1], a[3:0:-1], a[-1:-4:-2]', '[10, 30, 50] [50, 40, 30, 20, 10] [40, 30, 20] [50, 30]'],
  ['a[10:], a[3:1], a[-100:2]', '[] [] [10, 20]'],
  ['a[::0]', 'ValueError: slice step cannot be zero'],
  ['a[1.5:]', 'TypeError: slice indices must be integers or None or have an __index__ method'],
  ['len(s), s[5], s[-1], s[1]', '7 🙂 x é'],
  ['s[4:6], s[::-1]', 'o🙂 x🙂olléh'],
  ['s[7]', 'IndexError: string index out of range'],
  ['s["a"]', "TypeError: string indices must be integers, not 'str'"],
  ['s.length, "".length', '7 0'],
  ['o["k"], o.k, o.missing, o["two words"]', '1 1 None 2'],
  ['o["nope"]', "KeyError: 'nope'"],
  ['o.length', 'None'],
  ['zip([1], [2])[0][1], zip([1], [2])[0][-2]', '2 1'],
  ['zip([1], [2])[0][2]', 'IndexError: tuple index out of range'],
  ['null[0]', "TypeError: 'NoneType' object is not subscriptable"],
  ['(5)[0]', "TypeError: 'int' object is not subscriptable"],
  ['a.push', "AttributeError: 'list' object has no attribute 'push'"],
  ['"x".nope', "AttributeError: 'str' object has no attribute 'nope'"],
  ['(5).real', "AttributeError: 'int' object has no attribute 'real'"],
  ['a.length()', "TypeError: 'int' object is not callable"],
  ['o.k()', "TypeError: 'int' object is not callable"],
];

const ASSIGN: [string, string, string][] = [
  ['a[1] = 5; a[-1] = 6;', 'a', '[10, 5, 30, 40, 6]'],
  ['a[5] = 1;', 'a', 'IndexError: list assignment index out of range'],
  ['o.k = 9; o["new"] = 3;', 'o', "{'k': 9, 'two words': 2, 'new': 3}"],
  ['o[1] = "int key";', 'o[1]', 'int key'],
  ['s[0] = "x";', 's', "TypeError: 'str' object does not support item assignment"],
  ['a.x = 1;', 'a', "AttributeError: 'list' object has no attribute 'x'"],
  ['o["__proto__"] = 1; o.constructor = 2;', 'o', "{'k': 1, 'two words': 2, '__proto__': 1, 'constructor': 2}"],
  ['b = a[1:3]; b[0] = 0;', 'a[1]', '20'],
];

describe('indexing and slicing', () => {
  test.each(CASES)('%s', (expr, expected) => {
    expect(show(expr, PRELUDE)).toBe(expected);
  });
});

describe('assignment through index and member', () => {
  test.each(ASSIGN)('%s', (stmt, expr, expected) => {
    expect(show(expr, PRELUDE + stmt)).toBe(expected);
  });
});

// Tuples from zip/enumerate (Python's forms for any number of items) and string object keys, as
// (ML expression, printed text) tables. The programs in fixtures/programs cover the same ground
// end to end.
import { describe, expect, it } from 'vitest';
import { show } from './harness.js';

const tuples: [string, string][] = [
  ['zip([1, 2], ["a", "b"], [true, false])', "[(1, 'a', True), (2, 'b', False)]"],
  ['zip([1, 2, 3], [4], [5, 6])', '[(1, 4, 5)]'],
  ['zip([1])', '[(1,)]'],
  ['zip()', '[]'],
  ['zip([1], [2], [3], [4], [5])[0]', '(1, 2, 3, 4, 5)'],
  ['typeof(zip([1], [2], [3])[0])', 'unknown'],
  // STDLIB.md: len() is 0 for anything but a string, array or object (Python would give 3).
  ['len(zip([1], [2], [3])[0])', '0'],
  ['zip([1], [2], [3])[0][2]', '3'],
  ['zip([1], [2], [3])[0][-3]', '1'],
  ['zip([1], [2], [3])[0][3]', 'IndexError: tuple index out of range'],
  ['zip([1], [2], [3])[0]["a"]', 'TypeError: tuple indices must be integers or slices, not str'],
  ['zip([1], [2], [3])[0][1:]', '(2, 3)'],
  ['zip([1], [2], [3])[0][:1]', '(1,)'],
  ['zip([1], [2], [3])[0][3:]', '()'],
  ['zip([1], [2], [3])[0] == zip([1], [2], [3])[0]', 'true'],
  ['zip([1], [2], [3])[0] == zip([1], [2])[0]', 'false'],
  ['zip([1], [2])[0] == [1, 2]', 'false'],
  ['zip([1], [2], [3])[0] < zip([1], [2], [4])[0]', 'true'],
  ['zip([1], [2])[0] < zip([1], [2], [0])[0]', 'true'],
  ['zip([1], ["a"], [null])[0].count(null)', '1'],
  ['zip([1], ["a"], [null])[0].index("a")', '1'],
  ['repr(zip(["x"], ["y"], ["z"])[0])', "('x', 'y', 'z')"],
  ['"t: " + zip([true], [1.0], ["s"])[0]', "t: (True, 1.0, 's')"],
  ['sum(zip([1], [2], [3])[0])', '6'],
  ['str(zip([[1]], [{"a": 1}], [zip([1], [2])])[0])', "([1], {'a': 1}, [(1, 2)])"],
];

const keys: [string, string][] = [
  ['o', "{'1': 'a'}"],
  ['keys(o)', "['1']"],
  ['o["1"] == o[1]', 'true'],
  ['typeof(keys(o)[0])', 'string'],
  ['o[2]', 'KeyError: 2'],
  ['o["2"]', "KeyError: '2'"],
  ['o.length', 'None'],
];

describe('tuples', () => {
  it.each(tuples)('%s', (expr, text) => expect(show(expr)).toBe(text));
});

describe('object keys are strings', () => {
  it.each(keys)('%s', (expr, text) => expect(show(expr, 'o = {}; o[1] = "a";')).toBe(text));
});

// The inline fast paths of transpiled code (fast-ops.ts) against the runtime helpers they stand
// for: every operator over a matrix of values (ints at the int32 and 2^53 edges, floats, boxed
// floats, -0.0, NaN, big ints, strings, containers) must print exactly what the helper returns or
// raises. Operands come as variables and as literals, since literals take different fast paths.
import { describe, expect, test } from 'vitest';
import { MLFloat, MLObject, neg, getIndex, type Value } from '../../src/runtime/index.js';
import { runML } from '../runtime/harness.js';
import { BINARY, outcome, printedLines, probe } from './operator-matrix.js';

/** ML source of each value, and how the test builds the same value for the helpers. */
const VALUES: [string, () => Value][] = [
  ['0', () => 0],
  ['1', () => 1],
  ['-1', () => -1],
  ['7', () => 7],
  ['-7', () => -7],
  ['2147483647', () => 2147483647],
  ['-2147483648', () => -2147483648],
  ['2147483648', () => 2147483648],
  ['9007199254740991', () => 9007199254740991],
  ['-9007199254740991', () => -9007199254740991],
  ['9007199254740993', () => 9007199254740993n],
  ['1.5', () => 1.5],
  ['-0.5', () => -0.5],
  ['2.0', () => float(2)],
  ['-0.0', () => float(-0)],
  ['float("nan")', () => NaN],
  ['float("inf")', () => Infinity],
  ['true', () => true],
  ['null', () => null],
  ['"ab"', () => 'ab'],
  ['[1, 2]', () => [1, 2]],
];

/** An integral float (boxed, values.ts). */
function float(n: number): Value {
  return new MLFloat(n);
}

/** Prints `expr(a, b)` for each pair of operand sources, one probe function each. */
function runPairs(pairs: [string, string][], expr: (a: string, b: string) => string): string[] {
  return printedLines(pairs.map(([a, b], i) => probe(`t${i}`, 'a, b', '', expr('a', 'b'), `${a}, ${b}`)));
}

describe('binary operators: fast path == helper', () => {
  const pairs: [number, number][] = VALUES.flatMap((_, i) => VALUES.map((__, j) => [i, j] as [number, number]));
  test.each(BINARY)('%s', (op, helper) => {
    const expected = pairs.map(([i, j]) => outcome(() => helper(VALUES[i]![1](), VALUES[j]![1]())));
    const src: [string, string][] = pairs.map(([i, j]) => [VALUES[i]![0], VALUES[j]![0]]);
    // Both operands variables.
    expect(runPairs(src, (a, b) => `${a} ${op} ${b}`)).toEqual(expected);
  });

  // Literals take their own paths: int literals skip type tests, float literals compare and
  // compute by value, string/bool/null literals never take a number path.
  const LITERALS: [string, () => Value][] = [
    ['0', () => 0],
    ['1', () => 1],
    ['2', () => 2],
    ['-3', () => -3],
    ['16807', () => 16807],
    ['2147483647', () => 2147483647],
    ['1.5', () => 1.5],
    ['-2.5', () => -2.5],
    ['2.0', () => float(2)],
    ['0.0', () => float(0)],
    ['-4.0', () => float(-4)],
    ['"ab"', () => 'ab'],
    ['true', () => true],
    ['null', () => null],
  ];
  test.each(BINARY)('%s with a literal operand on either side', (op, helper) => {
    const cases = VALUES.flatMap((_, a) =>
      LITERALS.flatMap((__, l) => [
        { a, l, right: true },
        { a, l, right: false },
      ]),
    );
    const expected = cases.map(({ a, l, right }) => {
      const [x, y] = [VALUES[a]![1](), LITERALS[l]![1]()];
      return outcome(() => (right ? helper(x, y) : helper(y, x)));
    });
    const lines = cases.map(({ a, l, right }, k) => {
      const lit = LITERALS[l]![0];
      const expr = right ? `a ${op} ${lit}` : `${lit} ${op} a`;
      return probe(`u${k}`, 'a', '', expr, VALUES[a]![0]);
    });
    expect(printedLines(lines)).toEqual(expected);
  });
});

describe('other fast paths', () => {
  test('unary minus', () => {
    const expected = VALUES.map(([, v]) => outcome(() => neg(v())));
    const lines = VALUES.map(
      ([src], k) =>
        `function n${k}(a) { try { print(repr(-a)); } except (e) { print(e.type + ": " + e.message); } }\nn${k}(${src});`,
    );
    expect(printedLines(lines)).toEqual(expected);
  });

  test.each([
    ['-1.5', '-1.5'],
    ['-(-1.5)', '1.5'],
    ['-2.0', '-2.0'],
    ['-(0.0)', '-0.0'],
    ['-(2147483648)', '-2147483648'],
    ['-(-2147483648)', '2147483648'],
  ])('-literal %s', (src, out) => {
    expect(runML(`print(repr(${src}));`).stdout).toBe(`${out}\n`);
  });

  test('indexing with every kind of index', () => {
    const containers: [string, () => Value][] = [
      ['[10, 20, 30]', () => [10, 20, 30]],
      ['"h\u{1F600}y"', () => 'h\u{1F600}y'],
      [
        '{"1": "one", "a": "A"}',
        () =>
          new MLObject([
            ['1', 'one'],
            ['a', 'A'],
          ]),
      ],
    ];
    for (const [csrc, make] of containers) {
      const values = VALUES.filter(([src]) => src !== '[1, 2]');
      const lines = values.map(
        ([src], k) =>
          `function x${k}(o, i) { try { print(repr(o[i])); } except (e) { print(e.type + ": " + e.message); } }\nx${k}(${csrc}, ${src});`,
      );
      const got = printedLines(lines);
      expect(got).toEqual(values.map(([, v]) => outcome(() => getIndex(make(), v()))));
    }
  });

  test.each([
    // Assignment inside and outside the array, negative and non-int indexes.
    ['a = [1, 2, 3]; i = 1; a[i] = 9; a[-1] = 8; print(a);', '[1, 9, 8]'],
    ['a = [1]; i = 1; try { a[i] = 2; } except (e) { print(e.message); }', 'list assignment index out of range'],
    [
      'a = [1]; i = 0.5; try { a[i] = 2; } except (e) { print(e.message); }',
      'list indices must be integers or slices, not float',
    ],
    ['o = {}; k = 1; o[k] = 2; print(o);', "{'1': 2}"],
    // The value is evaluated before the target (Python order).
    ['try { a[0] = 1 / 0; } except (e) { print(e.type); }', 'ZeroDivisionError'],
    // len() and append() on arrays and other values.
    ['a = [1]; a.append(2); s = "h\u{1F600}"; print(len(a), len(s), len({"x": 1}));', '2 2 1'],
    ['o = {append: fn(x) => x * 2}; print(o.append(21));', '42'],
  ])('%s', (src, out) => {
    const r = runML(src);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(`${out}\n`);
  });
});

describe('for-in loops', () => {
  test.each([
    ['r = []; for (x in [1, 2, 3]) { r.append(x * 2); } print(r);', '[2, 4, 6]'],
    // Items appended while iterating are seen, like Python's list iterator.
    ['a = [1, 2]; for (x in a) { if (x < 4) { a.append(x + 2); } } print(a);', '[1, 2, 3, 4, 5]'],
    ['n = 0; for (c in "h\u{1F600}y") { n = n + 1; } print(n);', '3'],
    ['r = []; for (k in {b: 1, a: 2}) { r.append(k); } print(r);', "['b', 'a']"],
    ['for (x in [1, 2, 3]) { if (x == 2) { continue; } if (x == 3) { break; } print(x); }', '1'],
    ['try { for (x in 5) { } } except (e) { print(e.message); }', "'int' object is not iterable"],
  ])('%s', (src, out) => {
    const r = runML(src);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(`${out}\n`);
  });

  test('a long string is iterated in batches, every code point once', () => {
    const r = runML(
      's = "ab\u{1F600}" * 5000; n = 0; last = ""; for (c in s) { n = n + 1; last = c; } print(n, len(s), last == "\u{1F600}");',
    );
    expect(r.stdout).toBe('15000 15000 true\n');
  });

  test('breaking out of a long string loop and starting another', () => {
    const r = runML(
      's = "x" * 10000; n = 0; for (c in s) { n = n + 1; if (n == 5000) { break; } } for (c in s) { n = n + 1; } print(n);',
    );
    expect(r.stdout).toBe('15000\n');
  });
});

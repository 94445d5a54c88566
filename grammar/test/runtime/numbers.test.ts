// Ints and floats stay distinct, big ints are exact, and conversions follow Python.
import { describe, expect, test } from 'vitest';
import { show } from './harness.js';
import { isFloat, isInt, makeFloat, makeInt, toJsNumber } from '../../src/runtime/ops.js';
import { MLFloat } from '../../src/runtime/values.js';

const ML: [string, string][] = [
  ['4 / 2', '2.0'],
  ['typeof(4 / 2)', 'number'],
  ['[1, 1.0, 2.5]', '[1, 1.0, 2.5]'],
  ['1 + 2.0', '3.0'],
  ['0.5 + 0.5', '1.0'],
  ['3 * 1.0', '3.0'],
  ['-0.0', '-0.0'],
  ['0 * -1', '0'],
  ['-0.5 * 0', '-0.0'],
  ['9007199254740991 + 1', '9007199254740992'],
  ['9007199254740992 + 1', '9007199254740993'],
  ['2 * 9007199254740993', '18014398509481986'],
  ['123456789012345678901234567890 - 123456789012345678901234567889', '1'],
  ['typeof(123456789012345678901234567890 - 123456789012345678901234567889)', 'number'],
  ['99999999999 * 99999999999', '9999999999800000000001'],
  ['-(9007199254740993)', '-9007199254740993'],
  ['10000000000000000000000 // 7', '1428571428571428571428'],
  ['10000000000000000000000 % 7', '4'],
  ['-10000000000000000000000 // 7', '-1428571428571428571429'],
  ['10000000000000000000000 / 4', '2.5e+21'],
  ['1 / 3', '0.3333333333333333'],
  ['10 ** 2', 'diagnostics'],
  ['int(3.9)', '3'],
  ['int(-3.9)', '-3'],
  ['int("123456789012345678901234567890")', '123456789012345678901234567890'],
  ['int(1e20)', '100000000000000000000'],
  ['int("  42  ")', '42'],
  ['int("1_000")', '1000'],
  ['int("abc")', "ValueError: invalid literal for int() with base 10: 'abc'"],
  ['int(float("inf"))', 'OverflowError: cannot convert float infinity to integer'],
  ['int(float("nan"))', 'ValueError: cannot convert float NaN to integer'],
  ['float(123456789012345678901234567890)', '1.2345678901234568e+29'],
  ['float("inf")', 'inf'],
  ['float("-Infinity")', '-inf'],
  ['float(" 1.5 ")', '1.5'],
  ['float("x1")', "ValueError: could not convert string to float: 'x1'"],
  ['float([1])', "TypeError: float() argument must be a string or a real number, not 'list'"],
  ['int(true) + true', '2'],
  ['true + true', '2'],
  ['true * 2.5', '2.5'],
  ['2 == 2.0', 'true'],
  ['9007199254740993 == 9007199254740992.0', 'false'],
  ['9007199254740993 > 9007199254740992.0', 'true'],
];

describe('numbers in ML programs', () => {
  test.each(ML)('%s', (expr, expected) => {
    const out = show(expr);
    if (expected === 'diagnostics') expect(out).toMatch(/^diagnostics: /);
    else expect(out).toBe(expected);
  });
});

describe('number helpers', () => {
  test.each([
    [1, true, false],
    [1.5, false, true],
    [new MLFloat(2), false, true],
    [2n ** 60n, true, false],
    [NaN, false, true],
    [true, false, false],
  ] as const)('isInt/isFloat %s', (v, int, float) => {
    expect(isInt(v)).toBe(int);
    expect(isFloat(v)).toBe(float);
  });

  test.each([
    [2, new MLFloat(2)],
    [2.5, 2.5],
    [-0, new MLFloat(-0)],
  ])('makeFloat(%s)', (n, expected) => {
    expect(makeFloat(n)).toEqual(expected);
  });

  test.each([
    [5n, 5],
    [2n ** 53n, 2n ** 53n],
    [-(2n ** 53n) + 1n, -(2 ** 53) + 1],
    [-0, 0],
    [2 ** 60, 2n ** 60n],
  ])('makeInt(%s)', (n, expected) => {
    expect(Object.is(makeInt(n), expected) || makeInt(n) === expected).toBe(true);
  });

  test.each([
    [true, 1],
    [new MLFloat(3), 3],
    [2n ** 64n, 18446744073709552000],
    [0.25, 0.25],
  ] as const)('toJsNumber(%s)', (v, n) => {
    expect(toJsNumber(v)).toBe(n);
  });
});

// Operators with ML semantics (ML-LANGUAGE.md §4): +, -, *, /, //, %, comparisons, equality,
// truthiness, && / || / !, with Python's error kinds and messages.
import { describe, expect, test } from 'vitest';
import { show } from './harness.js';

const ARITHMETIC: [string, string][] = [
  ['"n=" + 5', 'n=5'],
  ['"ok: " + true', 'ok: True'],
  ['"n: " + null', 'n: None'],
  ['"a: " + [true, \'s\']', "a: [True, 's']"],
  ['5 + "x"', '5x'],
  ['[1] + [2, 3]', '[1, 2, 3]'],
  ['[1] + 1', 'TypeError: can only concatenate list (not "int") to list'],
  ['{} + 1', "TypeError: unsupported operand type(s) for +: 'dict' and 'int'"],
  ['null + 1', "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'"],
  ['"ab" * 3', 'ababab'],
  ['3 * "ab"', 'ababab'],
  ['[0] * 4', '[0, 0, 0, 0]'],
  ['"ab" * -1', ''],
  ['"ab" * 1.5', "TypeError: can't multiply sequence by non-int of type 'float'"],
  ['"a" - 1', "TypeError: unsupported operand type(s) for -: 'str' and 'int'"],
  ['7 / 2', '3.5'],
  ['1 / 0', 'ZeroDivisionError: division by zero'],
  ['1.0 / 0', 'ZeroDivisionError: float division by zero'],
  ['1 // 0', 'ZeroDivisionError: integer division or modulo by zero'],
  ['1 % 0', 'ZeroDivisionError: integer division or modulo by zero'],
  ['1.5 % 0', 'ZeroDivisionError: float modulo'],
  ['1.5 // 0', 'ZeroDivisionError: float floor division by zero'],
  ['-7 // 2', '-4'],
  ['7 // -2', '-4'],
  ['7.5 // 2', '3.0'],
  ['-7.5 // 2', '-4.0'],
  ['-7 % 3', '2'],
  ['7 % -3', '-2'],
  ['-5.5 % 2', '0.5'],
  ['5.5 % -2', '-0.5'],
  ['-4.0 % 2', '0.0'],
  ['4.0 % -2', '-0.0'],
  ['10 % 2.5', '0.0'],
  ['-(3)', '-3'],
  ['-true', '-1'],
  ['-"a"', "TypeError: bad operand type for unary -: 'str'"],
  ['"abc" % 2', 'TypeError: not all arguments converted during string formatting'],
];

const COMPARISON: [string, string][] = [
  ['1 < 1.5', 'true'],
  ['"apple" < "banana"', 'true'],
  ['"Zebra" < "apple"', 'true'],
  ['[1, 2] < [1, 3]', 'true'],
  ['[1, 2] < [1, 2, 0]', 'true'],
  ['[2] > [1, 9]', 'true'],
  ['1 < "a"', "TypeError: '<' not supported between instances of 'int' and 'str'"],
  ['"a" >= 1', "TypeError: '>=' not supported between instances of 'str' and 'int'"],
  ['null < 1', "TypeError: '<' not supported between instances of 'NoneType' and 'int'"],
  ['[1] < ["a"]', "TypeError: '<' not supported between instances of 'int' and 'str'"],
  ['true < 2', 'true'],
  ['float("nan") < 1', 'false'],
  ['float("nan") >= 1', 'false'],
  ['(1 < 2) < 3', 'true'],
];

const EQUALITY: [string, string][] = [
  ['1 == 1.0', 'true'],
  ['1 == true', 'true'],
  ['0 == false', 'true'],
  ['"1" == 1', 'false'],
  ['null == null', 'true'],
  ['null == false', 'false'],
  ['[1, [2, 3]] == [1, [2, 3]]', 'true'],
  ['{a: 1, b: 2} == {b: 2, a: 1}', 'true'],
  ['{a: 1} == {a: 1, b: 2}', 'false'],
  ['{a: null} == {b: null}', 'false'],
  ['[1, 2.0] == [1.0, 2]', 'true'],
  ['float("nan") == float("nan")', 'false'],
  ['float("nan") != float("nan")', 'true'],
  ['zip([1], [2]) == zip([1], [2.0])', 'true'],
  ['print == print', 'true'],
  ['len == print', 'false'],
  ['[] != {}', 'true'],
];

const TRUTHINESS: [string, string][] = [
  ['bool(0)', 'false'],
  ['bool(0.0)', 'false'],
  ['bool(-0.0)', 'false'],
  ['bool(float("nan"))', 'true'],
  ['bool("")', 'false'],
  ['bool(" ")', 'true'],
  ['bool([])', 'false'],
  ['bool([0])', 'true'],
  ['bool({})', 'false'],
  ['bool({a: null})', 'true'],
  ['bool(null)', 'false'],
  ['bool(123456789012345678901234567890)', 'true'],
  ['bool(print)', 'true'],
  ['bool(zip([0], [0])[0])', 'true'],
];

const LOGICAL: [string, string][] = [
  ['1 && 2', '2'],
  ['0 && 2', '0'],
  ['"" || "fallback"', 'fallback'],
  ['null || 0', '0'],
  ['[] || [9]', '[9]'],
  ['!0', 'true'],
  ['!"x"', 'false'],
  ['!!"x"', 'true'],
  ['1 < 2 && 3', '3'],
  ['0 || 1 < 2', 'true'],
  ['true ? 1 : 2', '1'],
  ['(0 ? 10 : 20) + 5', '25'],
];

describe.each([
  ['arithmetic', ARITHMETIC],
  ['comparison', COMPARISON],
  ['equality', EQUALITY],
  ['truthiness', TRUTHINESS],
  ['logical', LOGICAL],
] as const)('%s', (_name, table) => {
  test.each(table)('%s', (expr, expected) => {
    expect(show(expr)).toBe(expected);
  });
});

test('&& and || short-circuit', () => {
  const prelude = 'log = []; function t(x) { log.append(x); return x; }';
  expect(show('[t(0) && t(1), t(2) || t(3), log]', prelude)).toBe('[0, 2, [0, 2]]');
});

// Float code (transpiler/float-code.ts): float locals held as raw doubles and float arithmetic on
// doubles must print exactly what the runtime helpers return or raise, for every operator against
// every kind of value (ints at the 2^53 edge, big ints, floats, boxed integral floats, -0.0, NaN,
// infinities, booleans, strings, null, lists), with the float operand on either side and reached
// through a float variable, a float expression or `float()`. Then the places where a raw double
// turns back into an ML value: printing, containers, returns, module exports, unbound reads.
import { describe, expect, test } from 'vitest';
import { MLFloat, type Value } from '../../src/runtime/index.js';
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';
import { runML } from '../runtime/harness.js';
import { BINARY, outcome, printedLines as run, probe } from './operator-matrix.js';

/** ML float values: source and the value the helpers get. */
const FLOATS: [string, () => Value][] = [
  ['1.5', () => 1.5],
  ['-0.25', () => -0.25],
  ['2.0', () => new MLFloat(2)],
  ['0.0', () => new MLFloat(0)],
  ['-0.0', () => new MLFloat(-0)],
  ['1e16', () => new MLFloat(1e16)],
  ['float("nan")', () => NaN],
  ['float("inf")', () => Infinity],
  ['float("-inf")', () => -Infinity],
];

/** Other operands: any ML value. */
const OTHERS: [string, () => Value][] = [
  ['0', () => 0],
  ['3', () => 3],
  ['-7', () => -7],
  ['9007199254740991', () => 9007199254740991],
  ['9007199254740993', () => 9007199254740993n],
  ['0.5', () => 0.5],
  ['4.0', () => new MLFloat(4)],
  ['-0.0', () => new MLFloat(-0)],
  ['float("nan")', () => NaN],
  ['float("-inf")', () => -Infinity],
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  ['"ab"', () => 'ab'],
  ['[1, 2]', () => [1, 2]],
];

/**
 * How a function gets its float operand `x`, given the float's source: a local assigned a float
 * (a raw double), a float expression, a `float()` call of a string parameter.
 */
const FORMS: [string, (src: string) => { pre: string; x: string; arg: string }][] = [
  ['float local', (src) => ({ pre: `x = ${src};`, x: 'x', arg: '0' })],
  ['float expression', (src) => ({ pre: `x = ${src};`, x: '(x * 1.0)', arg: '0' })],
  ['float() call', (src) => ({ pre: '', x: 'float(s)', arg: JSON.stringify(floatText(src)) })],
];

/** Text `float()` parses to the same value as the ML float source. */
function floatText(src: string): string {
  const m = /^float\("(.*)"\)$/.exec(src);
  return m ? m[1]! : src;
}

describe('float operand against every value == helper', () => {
  const cases = FLOATS.flatMap((_, f) => OTHERS.flatMap((__, o) => [true, false].map((left) => ({ f, o, left }))));
  describe.each(FORMS)('%s', (_name, form) => {
    test.each(BINARY)('%s', (op, helper) => {
      const expected = cases.map(({ f, o, left }) => {
        const [x, y] = [FLOATS[f]![1](), OTHERS[o]![1]()];
        return outcome(() => (left ? helper(x, y) : helper(y, x)));
      });
      const lines = cases.map(({ f, o, left }, k) => {
        const { pre, x, arg } = form(FLOATS[f]![0]);
        const expr = left ? `${x} ${op} b` : `b ${op} ${x}`;
        return probe(`t${k}`, 's, b', pre, expr, `${arg}, ${OTHERS[o]![0]}`);
      });
      expect(run(lines)).toEqual(expected);
    });
  });

  test.each(BINARY)('two float locals: %s', (op, helper) => {
    const pairs = FLOATS.flatMap((_, i) => FLOATS.map((__, j) => [i, j] as const));
    const expected = pairs.map(([i, j]) => outcome(() => helper(FLOATS[i]![1](), FLOATS[j]![1]())));
    const lines = pairs.map(([i, j], k) =>
      probe(`t${k}`, '', `x = ${FLOATS[i]![0]}; y = ${FLOATS[j]![0]};`, `x ${op} y`, ''),
    );
    expect(run(lines)).toEqual(expected);
  });
});

describe('raw doubles become ML values where they leave float code', () => {
  test.each([
    // Integral results stay floats; -0.0, inf and nan keep their forms.
    [
      'x = 1.0; i = 0; while (i < 3) { x = x * 2.0; i = i + 1; } print(x, repr(x), x == 8, typeof(x));',
      '8.0 8.0 true number',
    ],
    ['x = 0.0; y = -x; print(y, x == y, x == 0, [y]);', '-0.0 true true [-0.0]'],
    ['x = 1e300; y = x * 1e10; print(y, -y, y - y);', 'inf -inf nan'],
    ['x = 1e15; y = x * 10.0; z = y * 10.0; print(y, z);', '1e+16 1e+17'],
    ['x = 3 / 2; y = 6 / 3; print(x, y, x + y);', '1.5 2.0 3.5'],
    // Float locals as dict keys hash like equal ints; in containers and returned from functions.
    ['x = 2.0; print(x == 2, [x, x / 4.0]);', 'true [2.0, 0.5]'],
    [
      'function f(n) { s = 0.0; i = 0; while (i < n) { s = s + i / 2; i = i + 1; } return s; } print(f(4), f(0));',
      '3.0 0.0',
    ],
    // Mixed int/float: int minus float mean, variance.
    [
      'a = [1, 2, 3, 6]; m = (a[0] + a[1] + a[2] + a[3]) / 4; v = 0.0; for (t in a) { d = t - m; v = v + d * d; } print(m, v / 4);',
      '3.0 3.5',
    ],
    // Division by zero keeps each message; the float is unchanged after the error.
    ['x = 1.5; try { x = x / 0; } except (e) { print(e.message); } print(x);', 'float division by zero\n1.5'],
    ['x = 1.5; try { x = x // 0.0; } except (e) { print(e.message); } print(x);', 'float floor division by zero\n1.5'],
    ['x = 1.5; try { x = x % 0; } except (e) { print(e.message); }', 'float modulo'],
    ['x = 4 / 0; print(x);', null],
    // Python float // and % (nan, infinities, signs of zero).
    [
      'n = float("nan"); i = float("inf"); print(n % 2.0, i // 2.0, -2.0 % i, 2.0 // -i, -0.0 // 5.0, 5.0 % -0.5);',
      'nan nan inf -1.0 -0.0 -0.0',
    ],
    // A float plus a string concatenates; a float times a list raises.
    ['x = 2.5; s = "ab"; print(x + s, s + x);', '2.5ab ab2.5'],
    [
      'x = 2.5; a = [1]; try { print(x * a); } except (e) { print(e.message); }',
      "can't multiply sequence by non-int of type 'float'",
    ],
    // Huge ints convert exactly or overflow like Python.
    [
      'b = 1; k = 0; while (k < 1100) { b = b * 2; k = k + 1; } x = 0.5; try { print(x * b); } except (e) { print(e.type); }',
      'OverflowError',
    ],
    ['x = 0.5; b = 9007199254740993; print(x * b, b - x);', '4503599627370496.0 9007199254740992.0'],
  ])('%s', (src, out) => {
    const r = runML(src);
    if (out === null) {
      expect(r.error?.kind).toBe('ZeroDivisionError');
      return;
    }
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(`${out}\n`);
  });

  test('a float local read before it is assigned is an unbound name, as any local', () => {
    const body = (init: string, c: string): string =>
      `function f(c) { if (c) { x = ${init}; } try { return x * 2.0; } except (e) { return e.type + ": " + e.message; } } print(f(${c}));`;
    const unbound = runML(body('1.5', 'false')).stdout;
    expect(unbound).toBe(runML(body('"s"', 'false')).stdout);
    expect(unbound).toMatch(/Error/);
    expect(runML(body('1.5', 'true')).stdout).toBe('3.0\n');
  });

  test('float globals are exported as ML floats; unassigned ones are not exported', () => {
    const r = runML('import lib; print(lib.x, lib.y, lib.y == 6);', {
      modules: { lib: 'x = 2.0; y = x * 3.0; if (false) { z = 1.5; }' },
    });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('2.0 6.0 true\n');
    // Exactly like a never-assigned global of any other type.
    const missing = (value: string): string =>
      runML('import lib; try { print(lib.z); } except (e) { print(e.type + ": " + e.message); }', {
        modules: { lib: `if (false) { z = ${value}; }` },
      }).stdout;
    expect(missing('1.5')).toMatch(/Error/);
    expect(missing('1.5')).toBe(missing('"s"'));
  });
});

describe('int and list locals', () => {
  // Int locals compare with plain JS operators (a bigint against a number is exact in JS).
  const INTS: [string, () => Value][] = [
    ['0', () => 0],
    ['-5', () => -5],
    ['2147483648', () => 2147483648],
    ['9007199254740991', () => 9007199254740991],
    ['9007199254740990', () => 9007199254740990],
    ['-9007199254740990', () => -9007199254740990],
    ['-9007199254740991', () => -9007199254740991],
    ['9007199254740992 + 1', () => 9007199254740993n],
    ['-9007199254740992 - 1', () => -9007199254740993n],
    ['9007199254740993 * 3 // 3', () => 9007199254740993n],
    ['len([1, 2])', () => 2],
  ];
  test.each(BINARY.filter(([op]) => ['<', '<=', '>', '>=', '==', '!='].includes(op)))('%s', (op, helper) => {
    const pairs = INTS.flatMap((_, i) => INTS.map((__, j) => [i, j] as const));
    const expected = pairs.map(([i, j]) => outcome(() => helper(INTS[i]![1](), INTS[j]![1]())));
    const lines = pairs.map(
      ([i, j], k) => `function t${k}() { x = ${INTS[i]![0]}; y = ${INTS[j]![0]}; print(repr(x ${op} y)); }\nt${k}();`,
    );
    expect(run(lines)).toEqual(expected);
  });

  // `int + k` and `int - k` test one bound (the sum stays a safe integer) instead of int32-ness.
  test.each(BINARY.filter(([op]) => op === '+' || op === '-'))(
    'int local %s int literal, at the 2^53 edges',
    (op, helper) => {
      const LITERALS = [1, 2, -3, 16807, 2147483647, -2147483648];
      const pairs = INTS.flatMap((_, i) => LITERALS.map((k) => [i, k] as const));
      const expected = pairs.map(([i, k]) => outcome(() => helper(INTS[i]![1](), k)));
      const lines = pairs.map(
        ([i, k], n) =>
          `function t${n}() { x = ${INTS[i]![0]}; print(repr(x ${op} ${k < 0 ? `(${k})` : k})); }\nt${n}();`,
      );
      expect(run(lines)).toEqual(expected);
    },
  );

  test('a counter past 2^53 becomes a big int (int locals compare with ===)', () => {
    const src = [
      'function f() { x = 9007199254740990; y = 9007199254740993 - 1; return [x + 2 == y, x + 1 == y - 1]; }',
      'function g() { x = -9007199254740990; y = -9007199254740993 + 1; return [x - 2 == y, x + (-2) == y]; }',
      'print(f(), g());',
    ].join('\n');
    expect(run([src])).toEqual(['[True, True] [True, True]']);
  });

  test.each([
    [
      'function f() { a = []; a.append(1.5); a.append(2); a[1] = a[0] * 2; return [a[0], a[1], len(a), a[-1]]; } print(f());',
      '[1.5, 3.0, 2, 3.0]',
    ],
    [
      'function f(c) { if (c) { a = [1]; } try { return a[0]; } except (e) { return e.type; } } print(f(true), f(false));',
      null,
    ],
    [
      'function f() { a = [1, 2]; i = 5; try { return a[i]; } except (e) { return e.message; } } print(f());',
      'list index out of range',
    ],
  ])('%s', (src, out) => {
    const r = runML(src);
    expect(r.error).toBeUndefined();
    if (out === null) expect(r.stdout).toMatch(/^1 \w*Error\n$/);
    else expect(r.stdout).toBe(`${out}\n`);
  });
});

describe('which variables hold raw doubles', () => {
  /** The declared-and-assigned raw-double shape `$v_NAME = <number code>` for each name. */
  function code(src: string, debug = false): string {
    return transpile(parse(src).program, { file: 'x.ml', debug }).code;
  }
  // Each function body ends with `return [<its variables>]`: a raw-double variable is boxed there.
  test.each([
    // Float literals, `/`, float() and float arithmetic make float locals.
    ['x = 1.5; y = a / 2; z = float(a); w = x * y - z;', 'x y z w', 'x y z w'],
    // Loop-carried floats (a fixed point over the assignments), whatever the order of statements.
    ['x = 0.0; i = 0; while (i < a) { x = x + y; y = i * 0.5; i = i + 1; } y = 1.0;', 'x y i', 'x y'],
    ['x = 0.0; i = 0; while (i < a) { x = x + y; y = i + 1; i = i + 1; } y = 1.0;', 'x y i', 'x'],
    ['x = 0.0; i = 0; while (i < a) { x = x + y; y = a; i = i + 1; } y = 1.0;', 'x y i', ''],
    // Not floats: any non-float assignment, a for variable, a name a nested function mentions.
    ['x = 1.5; x = a;', 'x', ''],
    ['x = 1.5; for (x in a) { }', 'x', ''],
    ['x = 1.5; g = fn() => x;', 'x g', ''],
    ['x = 1.5; y = x + a; z = x + 1;', 'x y z', 'x z'],
  ])('%s', (body, names, floats) => {
    const all = names.split(' ');
    const js = code(`function f(a) { ${body} return [${all.join(', ')}]; }`);
    const boxedNames = all.filter((name) => js.includes(`$boxf($v_${name})`));
    expect(boxedNames.join(' ')).toBe(floats);
  });

  test('debug mode keeps ML values in variables (the debugger reads and writes them)', () => {
    expect(code('function f(a) { x = 1.5; y = x * 2.0; return y; }', true)).not.toContain('$boxf($v_');
  });
});

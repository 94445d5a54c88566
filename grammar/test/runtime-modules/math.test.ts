// math module: results and their int/float kind as CPython gives them, plus the reference's quirks
// (sqrt(<0) → 0, ln/log of bad input → -999, pow overflow → inf, factorial(<0) → 0, banker's round).
import { describe, expect, it } from 'vitest';
import { MLFloat, type Value } from '../../src/runtime/values.js';
import { createMathModule } from '../../src/runtime/modules/math.js';
import { call, outcome, pyRepr, testContext } from './context.js';

const m = createMathModule(testContext());
const f = (x: number) => new MLFloat(x);

// [call, arguments, expected repr]
const cases: [string, Value[], string][] = [
  ['sqrt', [16], '4.0'],
  ['sqrt', [2], '1.4142135623730951'],
  ['sqrt', [-4], '0'],
  ['sqrt', ['x'], 'TypeError: x must be a real number, not str'],
  ['pow', [2, 10], '1024'],
  ['pow', [2, 0.5], '1.4142135623730951'],
  ['pow', [10, -2], '0.01'],
  ['pow', [2, 64], '18446744073709551616'],
  ['pow', [f(2), 3], '8.0'],
  ['pow', [f(10), 400], 'inf'],
  ['pow', [-8, 2], '64'],
  ['pow', [true, 5], '1'],
  ['pow', [0, -1], 'ZeroDivisionError: 0.0 cannot be raised to a negative power'],
  ['abs', [-7], '7'],
  ['abs', [-7.25], '7.25'],
  ['abs', [f(-0)], '0.0'],
  ['abs', [-(2n ** 80n)], '1208925819614629174706176'],
  ['floor', [3.7], '3'],
  ['floor', [-3.2], '-4'],
  ['floor', [-0.5], '-1'],
  ['ceil', [-0.5], '0'],
  ['ceil', [3.2], '4'],
  ['floor', [f(1e20)], '100000000000000000000'],
  ['floor', [f(Infinity)], 'OverflowError: cannot convert float infinity to integer'],
  ['round', [2.5], '2'],
  ['round', [3.5], '4'],
  ['round', [-2.5], '-2'],
  ['round', [0.5], '0'],
  ['round', [-0.5], '0'],
  ['round', [2.675], '3'],
  ['round', [f(1e17)], '100000000000000000'],
  ['round', [7], '7'],
  ['round', [NaN], 'ValueError: cannot convert float NaN to integer'],
  ['min', [4, 9], '4'],
  ['max', [4, 9], '9'],
  ['min', [-1.5, -1], '-1.5'],
  ['min', [1, f(1)], '1'],
  ['max', ['a', 'b'], "'b'"],
  ['min', [1, 'a'], "TypeError: '<' not supported between instances of 'str' and 'int'"],
  ['sign', [-12], '-1'],
  ['sign', [0], '0'],
  ['sign', [0.3], '1'],
  ['factorial', [0], '1'],
  ['factorial', [5], '120'],
  ['factorial', [20], '2432902008176640000'],
  ['factorial', [25], '15511210043330985984000000'],
  ['factorial', [-3], '0'],
  ['factorial', [2.5], 'TypeError: factorial() only accepts integral values'],
  ['gcd', [54, 24], '6'],
  ['gcd', [-4, 6], '2'],
  ['gcd', [0, 0], '0'],
  ['gcd', [2n ** 70n, 2n ** 65n * 3n], '36893488147419103232'],
  ['lcm', [4, 6], '12'],
  ['lcm', [21, 6], '42'],
  ['lcm', [-4, 6], '12'],
  ['lcm', [0, 5], '0'],
  ['lcm', [2n ** 60n, 3], '3458764513820540928'],
  ['log', [100], '2.0'],
  ['log', [8, 2], '3.0'],
  ['log', [1000], '2.9999999999999996'],
  ['log', [1], '0.0'],
  ['log', [0], '-999'],
  ['log', [-5, 2], '-999'],
  ['log', [8, 1], '-999'],
  ['log', [8, 0], '-999'],
  ['ln', [1], '0.0'],
  ['ln', [0], '-999'],
  ['ln', [-1], '-999'],
  ['exp', [0], '1.0'],
  ['exp', [2], '7.38905609893065'],
  ['exp', [1000], 'OverflowError: math range error'],
  ['sin', [Math.PI / 6], '0.49999999999999994'],
  ['cos', [0], '1.0'],
  ['asin', [2], 'ValueError: math domain error'],
  ['atan2', [-1, -1], '-2.356194490192345'],
  ['degrees', [1], '57.29577951308232'],
  ['radians', [1], '0.017453292519943295'],
  ['radToDeg', [Math.PI], '180.0'],
  ['degToRad', [180], '3.141592653589793'],
  ['sqrt', [], 'TypeError: sqrt() missing 1 required positional argument'],
  ['pow', [1, 2, 3], 'TypeError: pow() takes 2 positional arguments but 3 were given'],
];

describe('math module', () => {
  it.each(
    cases.map(
      ([name, args, expected]) => [`math.${name}(${args.map(pyRepr).join(', ')})`, name, args, expected] as const,
    ),
  )('%s', (_label, name, args, expected) => {
    expect(outcome(() => call(m, name, ...args))).toBe(expected);
  });

  it('has pi and e', () => {
    expect(m.members.get('pi')).toBe(3.141592653589793);
    expect(m.members.get('e')).toBe(2.718281828459045);
  });

  it('draws math.random from the context', () => {
    const a = createMathModule(testContext());
    const b = createMathModule(testContext());
    const xs = [call(a, 'random'), call(a, 'random')];
    expect([call(b, 'random'), call(b, 'random')]).toEqual(xs);
    for (const x of xs) expect(typeof x === 'number' && x >= 0 && x < 1).toBe(true);
  });
});

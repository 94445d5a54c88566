// The `math` module: Python's math/builtins with the reference's quirks (sqrt(<0) → 0, ln/log of a
// bad argument → -999, pow overflow → inf, factorial(<0) → 0, round → int with banker's rounding).
import type { Value } from '../values.js';
import { compare, makeFloat, makeInt, raise } from '../ops.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, isFloatValue, isIntLike, num, pyTypeName } from './util.js';

const DEG_TO_RAD = Math.PI / 180;
const RAD_TO_DEG = 180 / Math.PI;

/** An int or boolean as a bigint. */
function big(v: number | bigint | boolean): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return BigInt(v);
}

function requireInt(v: Value | undefined, fname: string): bigint {
  if (isIntLike(v)) return big(v);
  if (isFloatValue(v)) raise('TypeError', `${fname}() only accepts integral values`);
  return raise('TypeError', `'${pyTypeName(v ?? null)}' object cannot be interpreted as an integer`);
}

/** A float result, with the domain check Python's math functions make. */
function floatResult(x: number): Value {
  if (Number.isNaN(x)) raise('ValueError', 'math domain error');
  return makeFloat(x);
}

/** Python's `x ** y`, except that a float overflow gives inf instead of OverflowError (reference quirk). */
export function pyPow(x: Value, y: Value): Value {
  if (isIntLike(x) && isIntLike(y)) {
    const bx = big(x);
    const by = big(y);
    if (by >= 0n) {
      try {
        return makeInt(bx ** by);
      } catch (e) {
        if (e instanceof RangeError) return makeFloat(Infinity);
        throw e;
      }
    }
    if (bx === 0n) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  }
  const fx = num(x, 'base');
  const fy = num(y, 'exponent');
  if (fx === 0 && fy < 0) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  // A negative base with a fractional exponent is complex in Python; ML has no complex numbers.
  const r = fx ** fy;
  return makeFloat(r);
}

/** Python's round(x) for a float: nearest int, ties to even. Ints are returned unchanged. */
export function roundHalfEven(v: Value): Value {
  if (isIntLike(v)) return makeInt(big(v));
  const x = num(v, 'x');
  if (Number.isNaN(x)) raise('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise('OverflowError', 'cannot convert float infinity to integer');
  const f = Math.floor(x);
  const diff = x - f;
  let r = f;
  if (diff > 0.5 || (diff === 0.5 && f % 2 !== 0)) r = f + 1;
  return Number.isSafeInteger(r) ? r + 0 : makeInt(BigInt(r));
}

function toIntValue(x: number): Value {
  if (Number.isNaN(x)) raise('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise('OverflowError', 'cannot convert float infinity to integer');
  return Number.isSafeInteger(x) ? x + 0 : makeInt(BigInt(x));
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function logOf(x: Value, base: Value | undefined): Value {
  const fx = num(x, 'x');
  const fb = base === undefined || base === null ? 10 : num(base, 'base');
  if (!(fx > 0) || !(fb > 0) || fb === 1) return -999;
  return makeFloat(Math.log(fx) / Math.log(fb));
}

export function createMathModule(ctx: ModuleContext): MLModule {
  const unary = (f: (x: number) => number) => (x: Value) => floatResult(f(num(x, 'x')));
  return new ModuleBuilder('math')
    .value('pi', Math.PI)
    .value('e', Math.E)
    .fn('sqrt', 1, 1, (x) => {
      const v = num(x, 'x');
      return v < 0 ? 0 : makeFloat(Math.sqrt(v));
    })
    .fn('abs', 1, 1, (x) => {
      if (isIntLike(x)) {
        const b = big(x);
        return makeInt(b < 0n ? -b : b);
      }
      return makeFloat(Math.abs(num(x, 'x')));
    })
    .fn('sin', 1, 1, unary(Math.sin))
    .fn('cos', 1, 1, unary(Math.cos))
    .fn('tan', 1, 1, unary(Math.tan))
    .fn('asin', 1, 1, unary(Math.asin))
    .fn('acos', 1, 1, unary(Math.acos))
    .fn('atan', 1, 1, unary(Math.atan))
    .fn('atan2', 2, 2, (y, x) => makeFloat(Math.atan2(num(y, 'y'), num(x, 'x'))))
    .fn('ln', 1, 1, (x) => {
      const v = num(x, 'x');
      return v > 0 ? makeFloat(Math.log(v)) : -999;
    })
    .fn('log', 1, 2, (x, base) => logOf(x, base))
    .fn('exp', 1, 1, (x) => {
      const v = num(x, 'x');
      const r = Math.exp(v);
      if (r === Infinity && Number.isFinite(v)) raise('OverflowError', 'math range error');
      return makeFloat(r);
    })
    .fn('pow', 2, 2, (x, y) => pyPow(x, y))
    .fn('floor', 1, 1, (x) => (isIntLike(x) ? makeInt(big(x)) : toIntValue(Math.floor(num(x, 'x')))))
    .fn('ceil', 1, 1, (x) => (isIntLike(x) ? makeInt(big(x)) : toIntValue(Math.ceil(num(x, 'x')))))
    .fn('round', 1, 1, (x) => roundHalfEven(x))
    .fn('min', 2, 2, (a, b) => (compare(b, a) < 0 ? b : a))
    .fn('max', 2, 2, (a, b) => (compare(b, a) > 0 ? b : a))
    .fn('random', 0, 0, () => makeFloat(ctx.random()))
    .fn('degToRad', 1, 1, (d) => makeFloat(num(d, 'degrees') * DEG_TO_RAD))
    .fn('radToDeg', 1, 1, (r) => makeFloat(num(r, 'radians') * RAD_TO_DEG))
    .fn('radians', 1, 1, (d) => makeFloat(num(d, 'degrees') * DEG_TO_RAD))
    .fn('degrees', 1, 1, (r) => makeFloat(num(r, 'radians') * RAD_TO_DEG))
    .fn('sign', 1, 1, (x) => {
      const v = num(x, 'x');
      return v > 0 ? 1 : v < 0 ? -1 : 0;
    })
    .fn('factorial', 1, 1, (n) => {
      const k = requireInt(n, 'factorial');
      if (k < 0n) return 0;
      let r = 1n;
      for (let i = 2n; i <= k; i++) r *= i;
      return makeInt(r);
    })
    .fn('gcd', 2, 2, (a, b) => makeInt(gcdBig(requireInt(a, 'gcd'), requireInt(b, 'gcd'))))
    .fn('lcm', 2, 2, (a, b) => {
      const x = requireInt(a, 'lcm');
      const y = requireInt(b, 'lcm');
      if (x === 0n || y === 0n) return 0;
      const r = (x / gcdBig(x, y)) * y;
      return makeInt(r < 0n ? -r : r);
    })
    .build();
}

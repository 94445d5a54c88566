// Helpers for float code in transpiled programs (transpiler/float-code.ts), where ML floats travel
// as raw JS doubles: boxing a double into an ML float value, unboxing a value the transpiler knows
// to be a float, Python's float `//` and `%` on doubles (divisor not zero), and the slow paths of
// float arithmetic with one double operand. Pure.
import { MLFloat, type Value } from './values.js';
import { makeFloat, toJsNumber } from './numbers.js';
import { add, div, mul, sub } from './arith.js';

export { floatFloorDiv as floorDivF, floatMod as modF } from './arith.js';

/** A double as an ML float (integral doubles in an MLFloat box). */
export function boxf(x: number): Value {
  return makeFloat(x);
}

/** The double of an ML float (a JS number or an MLFloat box). */
export function unboxf(v: Value): number {
  return typeof v === 'number' ? v : toJsNumber(v);
}

// `x op v` and `v op x` of a double `x` and an ML value `v` that float code found not to be a JS
// number, as a double: an MLFloat box (an integral float) computes directly, anything else goes
// through the operator with `x` boxed (same values, errors and messages). One call where the
// generated code would make three, which matters while the code still runs in the interpreter.

export function addDV(x: number, v: Value): number {
  return v instanceof MLFloat ? x + v.value : unboxf(add(boxf(x), v));
}

export function addVD(v: Value, x: number): number {
  return v instanceof MLFloat ? v.value + x : unboxf(add(v, boxf(x)));
}

export function subDV(x: number, v: Value): number {
  return v instanceof MLFloat ? x - v.value : unboxf(sub(boxf(x), v));
}

export function subVD(v: Value, x: number): number {
  return v instanceof MLFloat ? v.value - x : unboxf(sub(v, boxf(x)));
}

export function mulDV(x: number, v: Value): number {
  return v instanceof MLFloat ? x * v.value : unboxf(mul(boxf(x), v));
}

export function mulVD(v: Value, x: number): number {
  return v instanceof MLFloat ? v.value * x : unboxf(mul(v, boxf(x)));
}

export function divDV(x: number, v: Value): number {
  return v instanceof MLFloat && v.value !== 0 ? x / v.value : unboxf(div(boxf(x), v));
}

export function divVD(v: Value, x: number): number {
  return v instanceof MLFloat && x !== 0 ? v.value / x : unboxf(div(v, boxf(x)));
}

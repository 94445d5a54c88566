// Helpers for float code in transpiled programs (transpiler/float-code.ts), where ML floats travel
// as raw JS doubles: boxing a double into an ML float value, unboxing a value the transpiler knows
// to be a float, and Python's float `//` and `%` on doubles (divisor not zero). Pure.
import type { Value } from './values.js';
import { makeFloat, toJsNumber } from './numbers.js';

export { floatFloorDiv as floorDivF, floatMod as modF } from './arith.js';

/** A double as an ML float (integral doubles in an MLFloat box). */
export function boxf(x: number): Value {
  return makeFloat(x);
}

/** The double of an ML float (a JS number or an MLFloat box). */
export function unboxf(v: Value): number {
  return typeof v === 'number' ? v : toJsNumber(v);
}

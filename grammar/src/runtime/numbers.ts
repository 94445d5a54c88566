// The int/float model: constructors, predicates and conversions between ML numbers and JS numbers.
// Follows values.ts exactly (safe-integer number or bigint for ints, MLFloat box for integral floats).
// Pure; no I/O. Arithmetic operators live in arith.ts.
import { MLFloat, type Value } from './values.js';
import { raise } from './errors.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** True for an ML int (booleans are not ints here; arithmetic treats them as 0/1 separately). */
export function isInt(v: Value): v is number | bigint {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

/** True for an ML float (plain non-integral number, NaN, ±Infinity, or an MLFloat box). */
export function isFloat(v: Value): v is number | MLFloat {
  return (typeof v === 'number' && !Number.isInteger(v)) || v instanceof MLFloat;
}

/** True for an ML number (int or float); booleans are excluded. */
export function isNumber(v: Value): v is number | bigint | MLFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof MLFloat;
}

/** True for values arithmetic accepts: ints, floats and booleans (as 1/0). */
export function isNumeric(v: Value): v is number | bigint | MLFloat | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof MLFloat || typeof v === 'boolean';
}

/**
 * Boxes of the small integral floats (-256.0 ... 256.0, and 0.0 but not -0.0), shared: MLFloat is
 * immutable and ML compares floats by value, so float code that keeps producing 0.0 or 2.0 does
 * not allocate for them.
 */
const SMALL_FLOATS: readonly MLFloat[] = Array.from({ length: 513 }, (_, i) => new MLFloat(i - 256));

/** The box of integral float `n` (shared for small values). */
export function boxFloat(n: number): MLFloat {
  // Not -0.0 (1 / -0 is -Infinity); no Object.is call on this path, which cold code takes often.
  if (n >= -256 && n <= 256 && (n !== 0 || 1 / n > 0)) return SMALL_FLOATS[n + 256]!;
  return new MLFloat(n);
}

/** A float value: integral results are boxed so they stay floats. */
export function makeFloat(n: number): Value {
  return Number.isInteger(n) ? boxFloat(n) : n;
}

/** An int value from a JS integer or a bigint, normalised (bigints in the safe range become numbers, -0 becomes 0). */
export function makeInt(n: number | bigint): number | bigint {
  if (typeof n === 'bigint') {
    return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n;
  }
  if (!Number.isInteger(n)) raise('TypeError', 'integer expected');
  if (Number.isSafeInteger(n)) return n + 0;
  return BigInt(n);
}

/** Converts an int, float or boolean to a JS number (big ints may round; overflow raises). */
export function toJsNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (v instanceof MLFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return bigToFloat(v);
  return raise('TypeError', 'a number is required');
}

/** A big int as the nearest double (round half to even); OverflowError past the double range. */
export function bigToFloat(b: bigint): number {
  const n = Number(b);
  if (!Number.isFinite(n)) raise('OverflowError', 'int too large to convert to float');
  return n;
}

/** An int or boolean as a bigint (callers check the type first). */
export function toBig(v: number | bigint | boolean): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return BigInt(v);
}

/** Int value of an int or boolean, for operations that need an exact integer. */
export function intOf(v: Value): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/**
 * Converts a JS integer-valued double (e.g. the result of truncating a float) into an ML int,
 * exactly (doubles past 2^53 are integers whose exact value a bigint can hold).
 */
export function intFromIntegralDouble(n: number): number | bigint {
  if (Number.isSafeInteger(n)) return n + 0;
  return makeInt(BigInt(n));
}

/** Exact quotient a / b of two ints as the correctly rounded double (Python int true division). */
export function intTrueDivide(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const A = toBig(a);
  const B = toBig(b);
  const neg = A < 0n !== B < 0n;
  const x = A < 0n ? -A : A;
  const y = B < 0n ? -B : B;
  // Scale so the integer quotient carries at least 64 significant bits, keep a sticky bit for the
  // remainder, and let Number() do the single correct rounding.
  const shift = BigInt(Math.max(0, 66 - (bitLength(x) - bitLength(y))));
  const num = x << shift;
  let q = num / y;
  if (num % y !== 0n) q |= 1n;
  const qf = Number(q);
  const scaled = scaleByPowerOfTwo(qf, -Number(shift));
  if (!Number.isFinite(scaled)) raise('OverflowError', 'integer division result too large for a float');
  return neg ? -scaled : scaled;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

function scaleByPowerOfTwo(x: number, exp: number): number {
  // Multiply in steps so intermediate powers of two stay representable.
  let r = x;
  let e = exp;
  while (e < -1000) {
    r *= 2 ** -1000;
    e += 1000;
  }
  while (e > 1000) {
    r *= 2 ** 1000;
    e -= 1000;
  }
  return r * 2 ** e;
}

/** Truncates a float toward zero into an ML int (int(3.9) → 3); inf/nan raise like Python. */
export function truncToInt(f: number): number | bigint {
  if (Number.isNaN(f)) raise('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(f)) raise('OverflowError', 'cannot convert float infinity to integer');
  return intFromIntegralDouble(Math.trunc(f));
}

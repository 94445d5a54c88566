// Arithmetic operators with ML semantics (ML-LANGUAGE.md §4): int/float distinction, big ints,
// Python floor division and modulo, string/array concatenation and repetition. Pure.
// Each operator has a fast path for two JS numbers, then one for an MLFloat box with a number or
// another box (integral floats, common in float code: no classification calls); then the rest.
import { MLFloat, type Value } from './values.js';
import { raise } from './errors.js';
import { bigToFloat, boxFloat, makeFloat, makeInt, intTrueDivide, toBig } from './numbers.js';
import { pyStr, pyTypeName } from './text.js';

type Num = { int: true; v: number | bigint } | { int: false; v: number };

/**
 * Largest string (UTF-16 units) or array `+` and `*` will build: beyond it the run would exhaust
 * the sandbox heap, so it fails early with a clear MemoryError instead.
 */
export const MAX_SEQUENCE = 2 ** 25;

function tooLarge(): never {
  return raise('MemoryError', 'out of memory: result of + or * is too large');
}

/** Classifies an int/float/bool operand; undefined for anything else. */
function num(v: Value): Num | undefined {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? { int: true, v } : { int: false, v };
    case 'bigint':
      return { int: true, v };
    case 'boolean':
      return { int: true, v: v ? 1 : 0 };
  }
  if (v instanceof MLFloat) return { int: false, v: v.value };
  return undefined;
}

/** The float value of an operand when either operand is an MLFloat box (no allocation); else undefined. */
function boxedFloat(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof MLFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return bigToFloat(v);
  return undefined;
}

function asFloat(n: Num): number {
  return typeof n.v === 'bigint' ? bigToFloat(n.v) : n.v;
}

function unsupported(op: string, a: Value, b: Value): never {
  return raise('TypeError', `unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function intResult(
  r: number,
  a: number | bigint,
  b: number | bigint,
  big: (x: bigint, y: bigint) => bigint,
): number | bigint {
  if (Number.isSafeInteger(r)) return r + 0;
  return makeInt(big(toBig(a), toBig(b)));
}

// ---------------------------------------------------------------------------------------------

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b))
        return Number.isSafeInteger(r) ? r : makeInt(BigInt(a) + BigInt(b));
      return boxFloat(r);
    }
    return r;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.length + b.length > MAX_SEQUENCE ? tooLarge() : a + b;
  return addSlow(a, b);
}

function addSlow(a: Value, b: Value): Value {
  if (a instanceof MLFloat) {
    if (b instanceof MLFloat) return makeFloat(a.value + b.value);
    if (typeof b === 'number') return makeFloat(a.value + b);
  } else if (typeof a === 'number' && b instanceof MLFloat) return makeFloat(a + b.value);
  if (a instanceof MLFloat || b instanceof MLFloat) {
    const x = boxedFloat(a);
    const y = boxedFloat(b);
    if (x !== undefined && y !== undefined) return makeFloat(x + y);
  }
  if (typeof a === 'string' || typeof b === 'string') {
    const s = typeof a === 'string' ? a + pyStr(b) : pyStr(a) + b;
    return s.length > MAX_SEQUENCE ? tooLarge() : s;
  }
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return a.length + b.length > MAX_SEQUENCE ? tooLarge() : a.concat(b);
    return raise('TypeError', `can only concatenate list (not "${pyTypeName(b)}") to list`);
  }
  const x = num(a);
  const y = num(b);
  if (!x || !y) return unsupported('+', a, b);
  if (x.int && y.int) return makeInt(toBig(x.v) + toBig(y.v));
  return makeFloat(asFloat(x) + asFloat(y));
}

export function sub(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b))
        return Number.isSafeInteger(r) ? r + 0 : makeInt(BigInt(a) - BigInt(b));
      return boxFloat(r);
    }
    return r;
  }
  if (a instanceof MLFloat) {
    if (b instanceof MLFloat) return makeFloat(a.value - b.value);
    if (typeof b === 'number') return makeFloat(a.value - b);
  } else if (typeof a === 'number' && b instanceof MLFloat) return makeFloat(a - b.value);
  if (a instanceof MLFloat || b instanceof MLFloat) {
    const fx = boxedFloat(a);
    const fy = boxedFloat(b);
    if (fx !== undefined && fy !== undefined) return makeFloat(fx - fy);
  }
  const x = num(a);
  const y = num(b);
  if (!x || !y) return unsupported('-', a, b);
  if (x.int && y.int) return makeInt(toBig(x.v) - toBig(y.v));
  return makeFloat(asFloat(x) - asFloat(y));
}

export function mul(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b)) return intResult(r, a, b, (p, q) => p * q);
      return boxFloat(r);
    }
    return r;
  }
  return mulSlow(a, b);
}

function repeatCount(n: Num | undefined, seq: Value, other: Value): number {
  if (!n || !n.int) return raise('TypeError', `can't multiply sequence by non-int of type '${pyTypeName(other)}'`);
  if (typeof n.v === 'bigint' && n.v > 0n)
    return raise('OverflowError', "cannot fit 'int' into an index-sized integer");
  const c = typeof n.v === 'bigint' ? 0 : n.v;
  if (c <= 0) return 0;
  const len = typeof seq === 'string' ? seq.length : (seq as Value[]).length;
  if (len > 0 && c * len > MAX_SEQUENCE) tooLarge();
  return c;
}

function mulSlow(a: Value, b: Value): Value {
  if (a instanceof MLFloat) {
    if (b instanceof MLFloat) return makeFloat(a.value * b.value);
    if (typeof b === 'number') return makeFloat(a.value * b);
  } else if (typeof a === 'number' && b instanceof MLFloat) return makeFloat(a * b.value);
  if (a instanceof MLFloat || b instanceof MLFloat) {
    const x = boxedFloat(a);
    const y = boxedFloat(b);
    if (x !== undefined && y !== undefined) return makeFloat(x * y);
  }
  if (typeof a === 'string' || Array.isArray(a)) return repeat(a, repeatCount(num(b), a, b));
  if (typeof b === 'string' || Array.isArray(b)) return repeat(b, repeatCount(num(a), b, a));
  const x = num(a);
  const y = num(b);
  if (!x || !y) return unsupported('*', a, b);
  if (x.int && y.int) return makeInt(toBig(x.v) * toBig(y.v));
  return makeFloat(asFloat(x) * asFloat(y));
}

function repeat(seq: string | Value[], count: number): Value {
  if (typeof seq === 'string') return seq.repeat(count);
  const out: Value[] = [];
  for (let i = 0; i < count; i++) for (const v of seq) out.push(v);
  return out;
}

/** `/`: always a float. */
export function div(a: Value, b: Value): Value {
  // Two plain numbers: safe ints divide exactly rounded in doubles, like floats.
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return makeFloat(a / b);
  if (a instanceof MLFloat) {
    if (b instanceof MLFloat && b.value !== 0) return makeFloat(a.value / b.value);
    if (typeof b === 'number' && b !== 0) return makeFloat(a.value / b);
  } else if (typeof a === 'number' && b instanceof MLFloat && b.value !== 0) return makeFloat(a / b.value);
  if (a instanceof MLFloat || b instanceof MLFloat) {
    const fx = boxedFloat(a);
    const fy = boxedFloat(b);
    if (fx !== undefined && fy !== undefined && fy !== 0) return makeFloat(fx / fy);
  }
  const x = num(a);
  const y = num(b);
  if (!x || !y) return unsupported('/', a, b);
  if (x.int && y.int) {
    if (y.v === 0 || y.v === 0n) return raise('ZeroDivisionError', 'division by zero');
    return makeFloat(intTrueDivide(x.v, y.v));
  }
  const d = asFloat(y);
  if (d === 0) return raise('ZeroDivisionError', 'float division by zero');
  return makeFloat(asFloat(x) / d);
}

// Python float `//` and `%` (CPython's float_divmod) of doubles, `wx` not zero. C tests a double
// for "non-zero", which NaN is: hence `!== 0` rather than JS truthiness (nan % 2.0 is nan).

/** Python float modulo: the result takes the divisor's sign. */
export function floatMod(vx: number, wx: number): number {
  const mod = vx % wx;
  if (mod !== 0) return wx < 0 !== mod < 0 ? mod + wx : mod;
  return wx < 0 ? -0 : 0;
}

/** Python float floor division. */
export function floatFloorDiv(vx: number, wx: number): number {
  const mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0 && wx < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    const floordiv = Math.floor(div);
    return div - floordiv > 0.5 ? floordiv + 1 : floordiv;
  }
  const q = vx / wx;
  return q < 0 || Object.is(q, -0) ? -0 : 0;
}

/** Exact floor division and modulo of two ints (modulo takes the divisor's sign). */
function intDivmod(a: number | bigint, b: number | bigint): [number | bigint, number | bigint] {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) {
      r += b;
      q -= 1;
    }
    return [q + 0, r + 0];
  }
  const A = toBig(a);
  const B = toBig(b);
  let q = A / B;
  let r = A % B;
  if (r !== 0n && r < 0n !== B < 0n) {
    r += B;
    q -= 1n;
  }
  return [makeInt(q), makeInt(r)];
}

export function floordiv(a: Value, b: Value): Value {
  const x = num(a);
  const y = num(b);
  if (!x || !y) return unsupported('//', a, b);
  if (x.int && y.int) {
    if (y.v === 0 || y.v === 0n) return raise('ZeroDivisionError', 'integer division or modulo by zero');
    return intDivmod(x.v, y.v)[0];
  }
  const d = asFloat(y);
  if (d === 0) return raise('ZeroDivisionError', 'float floor division by zero');
  return makeFloat(floatFloorDiv(asFloat(x), d));
}

export function mod(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
  }
  const x = num(a);
  const y = num(b);
  if (!x || !y) {
    if (typeof a === 'string') return raise('TypeError', 'not all arguments converted during string formatting');
    return unsupported('%', a, b);
  }
  if (x.int && y.int) {
    if (y.v === 0 || y.v === 0n) return raise('ZeroDivisionError', 'integer division or modulo by zero');
    return intDivmod(x.v, y.v)[1];
  }
  const d = asFloat(y);
  if (d === 0) return raise('ZeroDivisionError', 'float modulo');
  return makeFloat(floatMod(asFloat(x), d));
}

/** Unary minus. */
export function neg(a: Value): Value {
  if (typeof a === 'number') return Number.isInteger(a) ? 0 - a : -a;
  if (typeof a === 'bigint') return makeInt(-a);
  if (a instanceof MLFloat) return boxFloat(-a.value);
  if (typeof a === 'boolean') return a ? -1 : 0;
  return raise('TypeError', `bad operand type for unary -: '${pyTypeName(a)}'`);
}

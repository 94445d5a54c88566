// Pure builtins about single values: conversions (int float str bool repr), type tests (typeof
// isinstance callable len), numbers (abs round chr ord hex bin oct) and format(). No host access.
import { MLFloat, MLObject, type Value } from './values.js';
import { raise } from './errors.js';
import { arity, argString } from './args.js';
import { bigToFloat, makeFloat, makeInt, toBig, truncToInt } from './numbers.js';
import { floatFromString, intFromString } from './parse-number.js';
import { pyTypeName, toRepr, toStr, typeOf } from './text.js';
import { truthy } from './compare.js';
import { cpLength } from './codepoints.js';
import { roundFloat } from './decimal.js';
import { formatValue } from './format-spec.js';

export type Builtin = (...args: Value[]) => Value;

function int_(...args: Value[]): Value {
  arity('int', args, 0, 1);
  const v = args[0];
  if (v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isInteger(v) ? v : truncToInt(v);
  if (typeof v === 'bigint') return v;
  if (v instanceof MLFloat) return truncToInt(v.value);
  if (typeof v === 'string') return intFromString(v);
  return raise(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(v)}'`,
  );
}

function float_(...args: Value[]): Value {
  arity('float', args, 0, 1);
  const v = args[0];
  if (v === undefined) return new MLFloat(0);
  if (typeof v === 'boolean') return new MLFloat(v ? 1 : 0);
  if (typeof v === 'number') return makeFloat(v);
  if (typeof v === 'bigint') return makeFloat(bigToFloat(v));
  if (v instanceof MLFloat) return v;
  if (typeof v === 'string') return floatFromString(v);
  return raise('TypeError', `float() argument must be a string or a real number, not '${pyTypeName(v)}'`);
}

function abs_(...args: Value[]): Value {
  arity('abs', args, 1, 1);
  const v = args[0]!;
  if (typeof v === 'number') return Number.isInteger(v) ? Math.abs(v) : Math.abs(v);
  if (typeof v === 'bigint') return v < 0n ? -v : v;
  if (v instanceof MLFloat) return new MLFloat(Math.abs(v.value));
  if (typeof v === 'boolean') return v ? 1 : 0;
  return raise('TypeError', `bad operand type for abs(): '${pyTypeName(v)}'`);
}

/** round() of an int to 10^-ndigits with half-even ties (ndigits < 0). */
function roundInt(v: bigint, ndigits: number): bigint {
  if (ndigits >= 0) return v;
  const q = 10n ** BigInt(-ndigits);
  let r = v % q;
  if (r < 0n) r += q;
  const base = v - r;
  if (2n * r > q || (2n * r === q && (base / q) % 2n !== 0n)) return base + q;
  return base;
}

function round_(...args: Value[]): Value {
  arity('round', args, 1, 2);
  const v = args[0]!;
  const nd = args[1];
  let ndigits = 0;
  if (nd !== undefined && nd !== null) {
    if (typeof nd === 'boolean') ndigits = nd ? 1 : 0;
    else if (typeof nd === 'number' && Number.isInteger(nd)) ndigits = nd;
    else if (typeof nd === 'bigint') ndigits = nd > 0n ? 400 : -400;
    else return raise('TypeError', `'${pyTypeName(nd)}' object cannot be interpreted as an integer`);
  }
  if (typeof v === 'boolean' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) {
    return makeInt(roundInt(toBig(v), ndigits));
  }
  if (typeof v === 'number' || v instanceof MLFloat) {
    const x = typeof v === 'number' ? v : v.value;
    return makeFloat(roundFloat(x, ndigits));
  }
  return raise('TypeError', `type ${pyTypeName(v)} doesn't define __round__ method`);
}

function intArg(v: Value | undefined, fn: string): bigint {
  if (typeof v === 'boolean' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))
    return toBig(v);
  return raise(
    'TypeError',
    `'${v === undefined ? 'NoneType' : pyTypeName(v)}' object cannot be interpreted as an integer (in ${fn}())`,
  );
}

function radix(fn: string, base: number, prefix: string): Builtin {
  return (...args: Value[]) => {
    arity(fn, args, 1, 1);
    const n = intArg(args[0], fn);
    return n < 0n ? `-${prefix}${(-n).toString(base)}` : `${prefix}${n.toString(base)}`;
  };
}

function chr_(...args: Value[]): Value {
  arity('chr', args, 1, 1);
  const n = intArg(args[0], 'chr');
  if (n < 0n || n > 0x10ffffn) return raise('ValueError', 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(Number(n));
}

function ord_(...args: Value[]): Value {
  arity('ord', args, 1, 1);
  const s = args[0]!;
  if (typeof s !== 'string') return raise('TypeError', `ord() expected string of length 1, but ${pyTypeName(s)} found`);
  const n = cpLength(s);
  if (n !== 1) return raise('TypeError', `ord() expected a character, but string of length ${n} found`);
  return s.codePointAt(0)!;
}

function len_(...args: Value[]): Value {
  arity('len', args, 1, 1);
  const v = args[0]!;
  if (typeof v === 'string') return cpLength(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof MLObject) return v.map.size;
  // STDLIB.md: 0 for anything but a string, array or object, tuples included (Python would count).
  return 0;
}

/** The builtins that depend only on their arguments. */
export const VALUE_BUILTINS: Readonly<Record<string, Builtin>> = {
  int: int_,
  float: float_,
  str: (...a) => (arity('str', a, 0, 1), a[0] === undefined ? '' : toStr(a[0])),
  bool: (...a) => (arity('bool', a, 0, 1), a[0] !== undefined && truthy(a[0])),
  repr: (...a) => (arity('repr', a, 1, 1), toRepr(a[0]!)),
  typeof: (...a) => (arity('typeof', a, 1, 1), typeOf(a[0]!)),
  isinstance: (...a) => (arity('isinstance', a, 2, 2), typeOf(a[0]!) === argString(a[1], 'isinstance')),
  callable: (...a) => (arity('callable', a, 1, 1), typeof a[0] === 'function'),
  len: len_,
  abs: abs_,
  round: round_,
  chr: chr_,
  ord: ord_,
  hex: radix('hex', 16, '0x'),
  bin: radix('bin', 2, '0b'),
  oct: radix('oct', 8, '0o'),
  format: (...a) => {
    arity('format', a, 1, 2);
    return formatValue(a[0]!, a[1] === undefined ? '' : argString(a[1], 'format'));
  },
};

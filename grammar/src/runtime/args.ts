// Argument checking for builtins and methods: Python-style TypeErrors for wrong types and counts.
// `undefined` means "argument not passed" (ML values are never undefined).
import type { Value } from './values.js';
import { raise } from './errors.js';
import { pyTypeName } from './text.js';

/** Raises unless between `min` and `max` arguments were passed. */
export function arity(fn: string, args: readonly (Value | undefined)[], min: number, max: number): void {
  let n = args.length;
  if (n >= min && n <= max && (n === 0 || args[n - 1] !== undefined)) return;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (n < min) {
    raise('TypeError', `${fn}() missing ${min - n} required positional argument${min - n === 1 ? '' : 's'}`);
  }
  if (n > max) {
    const takes = min === max ? `${max}` : `from ${min} to ${max}`;
    raise('TypeError', `${fn}() takes ${takes} positional argument${max === 1 ? '' : 's'} but ${n} were given`);
  }
}

export function argString(v: Value | undefined, fn: string): string {
  if (typeof v !== 'string')
    raise('TypeError', `${fn}() argument must be str, not ${v === undefined ? 'nothing' : pyTypeName(v)}`);
  return v;
}

/** An int (or bool) argument as a JS number; big ints saturate (they only ever mean "huge"). */
export function argInt(v: Value | undefined, fn: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return raise(
    'TypeError',
    `'${v === undefined ? 'NoneType' : pyTypeName(v)}' object cannot be interpreted as an integer (in ${fn}())`,
  );
}

/** An optional int argument; undefined or null gives `def`. */
export function optInt(v: Value | undefined, fn: string, def: number | null): number | null {
  if (v === undefined || v === null) return def;
  return argInt(v, fn);
}

/** An optional string argument; undefined or null gives null. */
export function optString(v: Value | undefined, fn: string): string | null {
  if (v === undefined || v === null) return null;
  return argString(v, fn);
}

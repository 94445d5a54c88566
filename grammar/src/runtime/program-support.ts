// Helpers only transpiled code calls: literals, destructuring, throw/except, call checks, name
// errors, and ML stack frames built from position tables (sites.ts). Pure; no host access.
import { MLError, MLFloat, MLObject, MLTuple, type Value } from './values.js';
import { isCatchable, raise, toMLError, userError } from './errors.js';
import { MLErrorValue } from './error-value.js';
import { getIndex } from './access.js';
import { MLIterator, toArray } from './iterate.js';
import { pyTypeName, toStr } from './text.js';
import { boxFloat } from './numbers.js';
import type { PositionTable } from './sites.js';

/** At most this many frames are recorded on an error (the innermost ones). */
const MAX_FRAMES = 100;

/**
 * Called by each transpiled function's catch clause while an error unwinds: normalises the error
 * and appends the frame (function name and 1-based ML line/column of the position being run).
 */
export function frame(e: unknown, name: string, table: PositionTable, p: number): MLError {
  const err = toMLError(e);
  if (err.mlStack.length < MAX_FRAMES) {
    err.mlStack.push({
      name,
      file: table.file,
      line: (table.data[2 * p] ?? 0) + 1,
      column: (table.data[2 * p + 1] ?? 0) + 1,
    });
  }
  return err;
}

/** Object literal from a flat key/value list: `{a: 1, b: 2}` → obj(["a", 1, "b", 2]). */
export function obj(kv: Value[]): MLObject {
  const o = new MLObject();
  for (let i = 0; i < kv.length; i += 2) o.map.set(kv[i] as string, kv[i + 1]!);
  return o;
}

/** An integral float literal (`2.0`); MLFloat is immutable, so literals are shared. */
export function float(n: number): MLFloat {
  return boxFloat(n);
}

/** `[a, b] = v`: the items of `v`, exactly `n` of them. */
export function unpack(v: Value, n: number): Value[] {
  if (!(
    Array.isArray(v) ||
    typeof v === 'string' ||
    v instanceof MLObject ||
    v instanceof MLTuple ||
    v instanceof MLIterator
  )) {
    raise('TypeError', `cannot unpack non-iterable ${pyTypeName(v)} object`);
  }
  const items = toArray(v);
  if (items.length < n) raise('ValueError', `not enough values to unpack (expected ${n}, got ${items.length})`);
  if (items.length > n) raise('ValueError', `too many values to unpack (expected ${n})`);
  return items;
}

/** `{a, b} = v`: key `k` of `v` (KeyError when missing). */
export function destructKey(v: Value, k: string): Value {
  return getIndex(v, k);
}

/** `throw {message: ..., ...}`: the MLError to throw, carrying the object. */
export function throwUser(payload: MLObject): MLError {
  const m = payload.map.get('message');
  return userError(payload, m === undefined || m === null ? null : toStr(m));
}

/** `except (e)`: the value bound to `e`; errors that end the run are rethrown untouched. */
export function caught(e: unknown): MLErrorValue {
  const err = toMLError(e);
  if (!isCatchable(err)) throw err;
  return new MLErrorValue(err);
}

/** A call passed fewer arguments than `params`; `given` holds the parameters' values (undefined = missing). */
export function missing(fn: string, params: readonly string[], ...given: (Value | undefined)[]): never {
  const names = params.filter((_, i) => given[i] === undefined).map((p) => `'${p}'`);
  const list =
    names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  const s = names.length === 1 ? '' : 's';
  return raise('TypeError', `${fn}() missing ${names.length} required positional argument${s}: ${list}`);
}

/** A call passed more arguments than the function has parameters. */
export function tooMany(fn: string, expected: number, given: number): never {
  const s = expected === 1 ? '' : 's';
  return raise('TypeError', `${fn}() takes ${expected} positional argument${s} but ${given} were given`);
}

/** The callee of `f(...)` when `f` is not a function: unbound name or not callable. */
export function callee(v: Value | undefined, name: string): never {
  if (v === undefined) return unbound(name);
  return raise('TypeError', `'${pyTypeName(v)}' object is not callable`);
}

/** Reading a variable that has no value yet. */
export function unbound(name: string): never {
  return raise('NameError', `name '${name}' is not defined`);
}

/** Calling or reading a name bound nowhere. */
export function nameError(name: string): never {
  return raise('NameError', `name '${name}' is not defined`);
}

/** Placeholder for an expression the parser could not read (the program has syntax errors). */
export function invalid(): never {
  return raise('SyntaxError', 'the program has syntax errors and cannot run');
}

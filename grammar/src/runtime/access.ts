// Member access, method calls, indexing, slicing and index assignment on ML values. The only way
// transpiled code reaches into a value: ML objects by own map key, everything else through the
// method whitelists. JS properties of values are never read by name.
import { MLModule, MLNative, MLObject, MLTuple, type MLFunction, type Value } from './values.js';
import { raise } from './errors.js';
import { STRING_METHODS } from './string-methods.js';
import { ARRAY_METHODS, TUPLE_METHODS } from './array-methods.js';
import { MLErrorValue } from './error-value.js';
import { cpAt, cpLength, codePoints } from './codepoints.js';
import { pyStr, pyTypeName, toRepr } from './text.js';
import { callState } from './call.js';
import { isForbiddenName } from '../reserved-names.js';

export { isForbiddenName };

function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return !name.startsWith('_') && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Whitelists as maps: a lookup can only ever find a listed method. */
const STRING_TABLE = new Map(Object.entries(STRING_METHODS));
const ARRAY_TABLE = new Map(Object.entries(ARRAY_METHODS));

function noAttribute(o: Value, name: string): never {
  if (o instanceof MLModule) return raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
  return raise('AttributeError', `'${pyTypeName(o)}' object has no attribute '${name}'`);
}

function bound(name: string, f: (args: Value[]) => Value): MLFunction {
  const fn: MLFunction = (...args: Value[]) => f(args);
  fn.mlName = name;
  return fn;
}

/**
 * Resolves `o.name` without raising: the value, or undefined when there is no such member.
 * Objects yield their key (missing keys are reported as undefined too; getMember maps that to null).
 */
export function lookupMember(o: Value, name: string): Value | undefined {
  if (o instanceof MLObject) return o.map.get(name);
  if (isForbiddenName(name)) return undefined;
  if (typeof o === 'string') {
    if (name === 'length') return cpLength(o);
    const m = own(STRING_METHODS, name);
    return m && bound(name, (args) => m(o, args));
  }
  if (Array.isArray(o)) {
    if (name === 'length') return o.length;
    const m = own(ARRAY_METHODS, name);
    return m && bound(name, (args) => m(o, args));
  }
  if (o instanceof MLModule) return o.members.get(name);
  if (o instanceof MLErrorValue) return o.member(name);
  if (o instanceof MLTuple) {
    const m = own(TUPLE_METHODS, name);
    return m && bound(name, (args) => m(o, args));
  }
  if (o instanceof MLNative) {
    const m = own(o.methods, name);
    return m && bound(name, (args) => Reflect.apply(m, o, args) as Value);
  }
  return undefined;
}

/** `o.name`: ML objects give null for a missing key; anything else without the member raises. */
export function getMember(o: Value, name: string): Value {
  const v = lookupMember(o, name);
  if (v !== undefined) return v;
  if (o instanceof MLObject || o instanceof MLErrorValue) return null;
  return noAttribute(o, name);
}

/**
 * `o.name(args)`: methods of strings/arrays/tuples/natives, functions stored in objects and modules.
 * `site` (transpiled code passes it) is the call's site id: stored for capability checks when the
 * method may reach one (anything but a string, array or tuple method).
 */
export function callMethod(o: Value, name: string, args: Value[], site?: number): Value {
  if (typeof o === 'string') {
    const m = STRING_TABLE.get(name);
    if (m) return m(o, args);
  } else if (Array.isArray(o)) {
    const m = ARRAY_TABLE.get(name);
    if (m) return m(o, args);
  } else if (o instanceof MLNative && !(o instanceof MLErrorValue)) {
    const m = isForbiddenName(name) ? undefined : own(o.methods, name);
    if (site !== undefined) callState.site = site;
    if (m) return (Reflect.apply(m, o, args) as Value | undefined) ?? null;
  } else if (o instanceof MLTuple) {
    const m = own(TUPLE_METHODS, name);
    if (m) return m(o, args);
  } else {
    if (site !== undefined) callState.site = site;
    const f = o instanceof MLObject ? (o.map.get(name) ?? null) : lookupMember(o, name);
    if (f === undefined) return noAttribute(o, name);
    if (typeof f !== 'function') return raise('TypeError', `'${pyTypeName(f)}' object is not callable`);
    const r = f(...args);
    return r === undefined ? null : r;
  }
  if (name === 'length' && (typeof o === 'string' || Array.isArray(o))) {
    return raise('TypeError', "'int' object is not callable");
  }
  return noAttribute(o, name);
}

/** `o.name(a)`: one-argument method call; `array.append(x)` runs without allocating. */
export function callMethod1(o: Value, name: string, a: Value, site?: number): Value {
  if (name === 'append' && Array.isArray(o)) {
    o.push(a);
    return null;
  }
  return callMethod(o, name, [a], site);
}

/** `o.name = v`: only ML objects have assignable members. */
export function setMember(o: Value, name: string, v: Value): void {
  if (o instanceof MLObject) {
    o.map.set(name, v);
    return;
  }
  if (o instanceof MLModule) raise('AttributeError', `module '${o.name}' attributes are read-only`);
  raise('AttributeError', `'${pyTypeName(o)}' object has no attribute '${name}'`);
}

/** The key an object index uses: strings as-is, numbers and booleans by their Python text. */
export function objectKey(k: Value): string {
  if (typeof k === 'string') return k;
  if (
    k === null ||
    typeof k === 'number' ||
    typeof k === 'bigint' ||
    typeof k === 'boolean' ||
    !(k instanceof Object)
  ) {
    return pyStr(k);
  }
  if (Array.isArray(k) || k instanceof MLObject) return raise('TypeError', `unhashable type: '${pyTypeName(k)}'`);
  return pyStr(k);
}

/** An index value as a JS integer, or a TypeError naming the container kind. */
function intIndex(i: Value, what: string): number {
  if (typeof i === 'number' && Number.isInteger(i)) return i;
  if (typeof i === 'boolean') return i ? 1 : 0;
  if (typeof i === 'bigint') return raise('IndexError', `cannot fit 'int' into an index-sized integer`);
  if (what === 'string') return raise('TypeError', `string indices must be integers, not '${pyTypeName(i)}'`);
  return raise('TypeError', `${what} indices must be integers or slices, not ${pyTypeName(i)}`);
}

/** `o[i]`. */
export function getIndex(o: Value, i: Value): Value {
  if (Array.isArray(o)) {
    if (typeof i === 'number' && i >= 0 && i < o.length && Number.isInteger(i)) return o[i]!;
    let k = intIndex(i, 'list');
    if (k < 0) k += o.length;
    if (k < 0 || k >= o.length) return raise('IndexError', 'list index out of range');
    return o[k]!;
  }
  if (o instanceof MLObject) {
    const key = objectKey(i);
    const v = o.map.get(key);
    return v === undefined ? raise('KeyError', toRepr(i)) : v;
  }
  if (typeof o === 'string') {
    let k = intIndex(i, 'string');
    const len = cpLength(o);
    if (k < 0) k += len;
    if (k < 0 || k >= len) return raise('IndexError', 'string index out of range');
    return cpAt(o, k);
  }
  if (o instanceof MLTuple) {
    let k = intIndex(i, 'tuple');
    if (k < 0) k += o.items.length;
    if (k < 0 || k >= o.items.length) return raise('IndexError', 'tuple index out of range');
    return o.items[k]!;
  }
  return raise('TypeError', `'${pyTypeName(o)}' object is not subscriptable`);
}

/** `o[i] = v`. */
export function setIndex(o: Value, i: Value, v: Value): void {
  if (Array.isArray(o)) {
    let k = intIndex(i, 'list');
    if (k < 0) k += o.length;
    if (k < 0 || k >= o.length) raise('IndexError', 'list assignment index out of range');
    o[k] = v;
    return;
  }
  if (o instanceof MLObject) {
    o.map.set(objectKey(i), v);
    return;
  }
  raise('TypeError', `'${pyTypeName(o)}' object does not support item assignment`);
}

function sliceBound(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

/** Python's slice.indices(): first position, step and number of positions a slice selects. */
export function sliceRange(
  len: number,
  start: Value,
  stop: Value,
  step: Value,
): { first: number; step: number; count: number } {
  const st = sliceBound(step) ?? 1;
  if (st === 0) raise('ValueError', 'slice step cannot be zero');
  const lower = st > 0 ? 0 : -1;
  const upper = st > 0 ? len : len - 1;
  const fix = (b: number | null, def: number): number => {
    if (b === null) return def;
    if (b < 0) return Math.max(b + len, lower);
    return Math.min(b, upper);
  };
  const a = fix(sliceBound(start), st > 0 ? lower : upper);
  const b = fix(sliceBound(stop), st > 0 ? upper : lower);
  const count = st > 0 ? (b > a ? Math.ceil((b - a) / st) : 0) : a > b ? Math.ceil((a - b) / -st) : 0;
  return { first: a, step: st, count };
}

function sliceItems(items: readonly Value[], start: Value, stop: Value, step: Value): Value[] {
  const r = sliceRange(items.length, start, stop, step);
  if (r.step === 1) return items.slice(r.first, r.first + r.count);
  const out: Value[] = [];
  for (let n = 0, k = r.first; n < r.count; n++, k += r.step) out.push(items[k]!);
  return out;
}

/** `o[start:stop:step]` (null for an omitted part). */
export function getSlice(o: Value, start: Value, stop: Value, step: Value): Value {
  if (typeof o === 'string') {
    const points = codePoints(o);
    const r = sliceRange(points ? points.length : o.length, start, stop, step);
    if (r.step === 1)
      return points ? points.slice(r.first, r.first + r.count).join('') : o.slice(r.first, r.first + r.count);
    let out = '';
    for (let n = 0, k = r.first; n < r.count; n++, k += r.step) out += points ? points[k] : o[k];
    return out;
  }
  if (Array.isArray(o)) return sliceItems(o, start, stop, step);
  // As in Python, a slice of a tuple is a tuple.
  if (o instanceof MLTuple) return new MLTuple(sliceItems(o.items, start, stop, step));
  return raise('TypeError', `'${pyTypeName(o)}' object is not subscriptable`);
}

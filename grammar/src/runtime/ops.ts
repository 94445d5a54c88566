// The runtime's core operations in one import for stdlib modules and the transpiler: numbers,
// text forms, equality/ordering, errors, calls, and ML object helpers. Pure; no I/O.
import { MLObject, type Value } from './values.js';
import { raise } from './errors.js';
import { toRepr } from './text.js';

export {
  isInt,
  isFloat,
  isNumber,
  isNumeric,
  makeFloat,
  makeInt,
  toJsNumber,
  intOf,
  toBig,
  truncToInt,
} from './numbers.js';
export { formatFloat } from './float-repr.js';
export { toStr, toRepr, pyStr, typeOf, pyTypeName, quoteString, functionName } from './text.js';
export { truthy, equals, compare, compareOp, compareStrings } from './compare.js';
export { raise, toMLError, userError } from './errors.js';
export { callValue, callState, MAX_DEPTH } from './call.js';
export { add, sub, mul, div, floordiv, mod, neg } from './arith.js';

/** A new ML object from `[key, value]` entries (or a plain record of them), in order. */
export function mlObject(entries?: Iterable<readonly [string, Value]> | Readonly<Record<string, Value>>): MLObject {
  if (entries === undefined) return new MLObject();
  if (Symbol.iterator in entries) return new MLObject(entries as Iterable<readonly [string, Value]>);
  return new MLObject(Object.entries(entries));
}

/** `obj[k]` on an ML object: the value, or KeyError with the key's repr as message. */
export function getKey(obj: MLObject, k: string): Value {
  const v = obj.map.get(k);
  if (v === undefined) return raise('KeyError', toRepr(k));
  return v;
}

// The `json` module: parse/stringify with Python json semantics, validation, type tests and small
// object helpers. `__proto__` and friends are ordinary keys (ML objects are Maps, never JS objects).
import { MLFloat, MLObject, type Value } from '../../values.js';
import { raise } from '../../ops.js';
import type { MLModule, ModuleContext } from '../types.js';
import { ModuleBuilder, absent, intArg, objArg, pyTypeName } from '../util.js';
import { JsonEncodeError, formatJson } from './format.js';
import { DEFAULT_MAX_DEPTH, JsonDecodeError, describeDecodeError, parseJson } from './parse.js';

function textArg(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  return raise('TypeError', `the JSON object must be str, bytes or bytearray, not ${pyTypeName(v ?? null)}`);
}

/** json.parse: ValueError "JSON parsing failed: <Python's message>" on bad input. */
export function jsonParse(text: string, maxDepth = DEFAULT_MAX_DEPTH): Value {
  try {
    return parseJson(text, maxDepth, `Maximum nesting depth of ${maxDepth} exceeded`);
  } catch (e) {
    if (e instanceof JsonDecodeError) raise('ValueError', `JSON parsing failed: ${describeDecodeError(text, e)}`);
    throw e;
  }
}

/** json.stringify / prettyPrint: TypeError for unserialisable values, ValueError for cycles. */
export function jsonStringify(v: Value, indent: string | null): string {
  try {
    return formatJson(v, indent);
  } catch (e) {
    if (e instanceof JsonEncodeError) raise(e.kind, `JSON serialization failed: ${e.message}`);
    throw e;
  }
}

function indentArg(v: Value | undefined): string | null {
  if (v === undefined) return '    ';
  if (v === null) return null;
  if (typeof v === 'string') return v;
  return ' '.repeat(Math.max(0, intArg(v, 'indent')));
}

const isNumberValue = (v: Value | undefined) => typeof v === 'number' || typeof v === 'bigint' || v instanceof MLFloat;

export function createJsonModule(_ctx: ModuleContext): MLModule {
  return new ModuleBuilder('json')
    .fn('parse', 1, 1, (s) => jsonParse(textArg(s)))
    .fn('safeParse', 1, 2, (s, depth) => {
      const max = absent(depth) ? 100 : intArg(depth, 'max_depth');
      return jsonParse(textArg(s), Math.max(0, max));
    })
    .fn('stringify', 1, 1, (v) => jsonStringify(v!, null))
    .fn('prettyPrint', 1, 2, (v, indent) => jsonStringify(v!, indentArg(indent)))
    .fn('validate', 1, 1, (s) => {
      if (typeof s !== 'string') return false;
      try {
        parseJson(s);
        return true;
      } catch (e) {
        if (e instanceof JsonDecodeError) return false;
        throw e;
      }
    })
    .fn('isObject', 1, 1, (v) => v instanceof MLObject)
    .fn('isArray', 1, 1, (v) => Array.isArray(v))
    .fn('isString', 1, 1, (v) => typeof v === 'string')
    .fn('isNumber', 1, 1, (v) => isNumberValue(v))
    .fn('isBoolean', 1, 1, (v) => typeof v === 'boolean')
    .fn('isNull', 1, 1, (v) => v === null)
    .fn('keys', 1, 1, (o) => [...objArg(o, 'obj').map.keys()])
    .fn('values', 1, 1, (o) => [...objArg(o, 'obj').map.values()])
    .fn('hasKey', 2, 2, (o, k) => o instanceof MLObject && typeof k === 'string' && o.map.has(k))
    .fn('get', 2, 3, (o, k, dflt) => {
      const found = typeof k === 'string' ? objArg(o, 'obj').map.get(k) : undefined;
      return found === undefined ? (dflt ?? null) : found;
    })
    .fn('merge', 2, 2, (a, b) => new MLObject([...objArg(a, 'obj1').map, ...objArg(b, 'obj2').map]))
    .build();
}

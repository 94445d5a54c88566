// Text forms of ML values: `str`/`print` form, `repr`, Python's str() (used by `+` with a string),
// plus `typeof` and the Python type names used in error messages. Pure; no I/O.
import { MLFloat, MLModule, MLNative, MLObject, MLTuple, type Value } from './values.js';
import { formatFloat } from './float-repr.js';

/** ML `typeof`: number, string, boolean, array, object, function, module, a class name, or unknown. */
export function typeOf(v: Value): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'function':
      return 'function';
  }
  if (v === null) return 'unknown';
  if (Array.isArray(v)) return 'array';
  if (v instanceof MLObject) return 'object';
  if (v instanceof MLFloat) return 'number';
  if (v instanceof MLNative) return v.typeName;
  if (v instanceof MLModule) return 'module';
  return 'unknown';
}

/** The Python type name the reference would mention in an error message (`'int'`, `'str'`, ...). */
export function pyTypeName(v: Value): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'function';
  }
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (v instanceof MLObject) return 'dict';
  if (v instanceof MLFloat) return 'float';
  if (v instanceof MLTuple) return 'tuple';
  if (v instanceof MLNative) return v.typeName;
  if (v instanceof MLModule) return 'module';
  return 'object';
}

/** Python's repr() of a string: single quotes unless the text has `'` and no `"`. */
export function quoteString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0xa0) || c === 0xad) out += '\\x' + hex(c, 2);
    else if (c !== 0x20 && NON_PRINTABLE.test(ch)) out += c > 0xffff ? '\\U' + hex(c, 8) : '\\u' + hex(c, 4);
    else out += ch;
  }
  return out + quote;
}

// Python's str.isprintable(): everything except "Other" and "Separator" categories (space allowed).
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}

/** Name shown for a function value: its ML name, or `<lambda>` for arrow functions. */
export function functionName(f: { mlName?: string; name: string }): string {
  if (typeof f.mlName === 'string') return f.mlName;
  const n = f.name;
  if (n.startsWith('$f_')) return n.slice(3);
  return n === '' || n.startsWith('$') ? '<lambda>' : n;
}

type Mode = 'str' | 'repr' | 'py';

function scalarText(v: Value, mode: Mode, nested: boolean): string | undefined {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? String(v) : formatFloat(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return nested || mode === 'repr' ? quoteString(v) : v;
    case 'boolean':
      return nested || mode === 'py' ? (v ? 'True' : 'False') : v ? 'true' : 'false';
    case 'function':
      return `<function ${functionName(v)}>`;
  }
  if (v === null) return 'None';
  if (v instanceof MLFloat) return formatFloat(v.value);
  if (v instanceof MLNative) return v.toMLString();
  if (v instanceof MLModule) return `<module '${v.name}'>`;
  return undefined;
}

function containerText(v: Value, mode: Mode, seen: Set<unknown>): string {
  const s = scalarText(v, mode, true);
  if (s !== undefined) return s;
  if (Array.isArray(v)) {
    if (seen.has(v)) return '[...]';
    seen.add(v);
    const parts: string[] = [];
    for (const item of v) parts.push(containerText(item, mode, seen));
    seen.delete(v);
    return `[${parts.join(', ')}]`;
  }
  if (v instanceof MLObject) {
    if (seen.has(v)) return '{...}';
    seen.add(v);
    const parts: string[] = [];
    for (const [k, item] of v.map) parts.push(`${quoteString(k)}: ${containerText(item, mode, seen)}`);
    seen.delete(v);
    return `{${parts.join(', ')}}`;
  }
  if (v instanceof MLTuple) {
    // Python's tuple forms: `()`, `(1,)`, `(1, 'a', True)`.
    const parts = v.items.map((item) => containerText(item, mode, seen));
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  }
  return '<object>';
}

function render(v: Value, mode: Mode): string {
  const s = scalarText(v, mode, false);
  return s !== undefined ? s : containerText(v, mode, new Set());
}

/** `str(x)` / `print(x)`: top-level booleans `true`/`false`, strings as-is, Python forms inside containers. */
export function toStr(v: Value): string {
  return typeof v === 'string' ? v : render(v, 'str');
}

/** `repr(x)`: like str() but a top-level string is quoted. */
export function toRepr(v: Value): string {
  return render(v, 'repr');
}

/** Python's str(): booleans are `True`/`False` even at top level (used by `+` with a string). */
export function pyStr(v: Value): string {
  return typeof v === 'string' ? v : render(v, 'py');
}

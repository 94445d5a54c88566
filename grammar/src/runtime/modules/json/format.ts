// ML values → JSON text exactly as Python's json.dumps writes them (ensure_ascii, ", " and ": "
// separators, or indented form). Rejects functions, stdlib objects and cycles with Python's messages.
import { MLFloat, MLObject, MLTuple, type Value } from '../../values.js';
import { formatFloat, pyTypeName } from '../../ops.js';

/** Why a value cannot be written as JSON (message as Python gives it). */
export class JsonEncodeError {
  constructor(
    readonly kind: 'TypeError' | 'ValueError' | 'RecursionError',
    readonly message: string,
  ) {}
}

const MAX_DEPTH = 1000;

/** Python's JSON string form with ensure_ascii: everything outside printable ASCII is escaped. */
export function quoteJson(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i);
    run = i + 1;
    out += ESCAPE[c] ?? '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + s.slice(run) + '"';
}

const ESCAPE: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x08: '\\b',
  0x0c: '\\f',
};

function floatText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return formatFloat(x);
}

/**
 * Serialises `v`. With `indent` null the output is one line (`, ` and `: `); otherwise each item
 * goes on its own line, indented by `indent` repeated once per level (`,` and `: `).
 */
export function formatJson(v: Value, indent: string | null): string {
  const active = new Set<unknown>();
  const write = (x: Value, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'boolean':
        return x ? 'true' : 'false';
      case 'number':
        return Number.isInteger(x) ? String(x) : floatText(x);
      case 'bigint':
        return x.toString();
      case 'string':
        return quoteJson(x);
    }
    if (x instanceof MLFloat) return floatText(x.value);
    let items: string[];
    let open: string;
    let close: string;
    if (Array.isArray(x) || x instanceof MLTuple) {
      // Python's json writes a tuple as a list.
      const list = Array.isArray(x) ? x : x.items;
      [open, close] = ['[', ']'];
      if (list.length === 0) return '[]';
      items = enter(x, depth, () => list.map((item) => write(item, depth + 1)));
    } else if (x instanceof MLObject) {
      [open, close] = ['{', '}'];
      if (x.map.size === 0) return '{}';
      items = enter(x, depth, () => [...x.map].map(([k, item]) => `${quoteJson(k)}: ${write(item, depth + 1)}`));
    } else {
      throw new JsonEncodeError('TypeError', `Object of type ${pyTypeName(x)} is not JSON serializable`);
    }
    if (indent === null) return `${open}${items.join(', ')}${close}`;
    const inner = '\n' + indent.repeat(depth + 1);
    const outer = '\n' + indent.repeat(depth);
    return `${open}${inner}${items.join(',' + inner)}${outer}${close}`;
  };
  const enter = (container: object, depth: number, body: () => string[]): string[] => {
    if (active.has(container)) throw new JsonEncodeError('ValueError', 'Circular reference detected');
    if (depth >= MAX_DEPTH) {
      throw new JsonEncodeError('RecursionError', 'maximum recursion depth exceeded while encoding a JSON object');
    }
    active.add(container);
    try {
      return body();
    } finally {
      active.delete(container);
    }
  };
  return write(v, 0);
}

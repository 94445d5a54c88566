// Stdlib functions that need the host (file, http, env, the I/O half of path, ...): called through
// RuntimeHost.bridge with plain copied data, never with ML objects or functions. Converts ML values
// to bridge data and back, and wraps HTTP responses in an HttpResponse object.
import { MLFloat, MLNative, MLObject, MLTuple, type MLFunction, type NativeMethodTable, type Value } from './values.js';
import { raise } from './errors.js';
import { makeFloat, makeInt } from './numbers.js';
import { pyTypeName } from './text.js';
import type { BridgeResult, BridgeValue, HostCallSite, RuntimeHost } from './host.js';
import { jsonParse } from './modules/json/module.js';

/** Nesting limit for values crossing the bridge (deeper data is refused, never recursed into). */
const MAX_DEPTH = 64;

/** ML value → bridge data. Functions, stdlib objects, cycles and huge nesting are refused. */
export function toBridge(v: Value, fn: string, depth = 0): BridgeValue {
  if (depth > MAX_DEPTH) return raise('ValueError', `${fn}(): argument nested too deeply`);
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof MLFloat) return v.value;
  if (Array.isArray(v)) return v.map((x) => toBridge(x, fn, depth + 1));
  if (v instanceof MLTuple) return v.items.map((x) => toBridge(x, fn, depth + 1));
  if (v instanceof MLObject) {
    const out: Record<string, BridgeValue> = Object.create(null) as Record<string, BridgeValue>;
    for (const [k, x] of v.map) out[k] = toBridge(x, fn, depth + 1);
    return out;
  }
  return raise('TypeError', `${fn}(): a '${pyTypeName(v)}' cannot be passed to the host`);
}

/**
 * Bridge data → ML value. Integral numbers are ints; `{"$float": n}` marks a float whose value is
 * integral (the host uses it for timestamps and sizes that are floats in the reference).
 */
export function fromBridge(v: unknown, depth = 0): Value {
  if (depth > MAX_DEPTH) return raise('ValueError', 'host result nested too deeply');
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? makeInt(v) : v;
  if (Array.isArray(v)) return v.map((x) => fromBridge(x, depth + 1));
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    const rec = v as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === '$float' && typeof rec['$float'] === 'number') return makeFloat(rec['$float']);
    const o = new MLObject();
    for (const k of keys) o.map.set(k, fromBridge(rec[k], depth + 1));
    return o;
  }
  return null;
}

const HTTP_METHODS: NativeMethodTable = Object.freeze(
  Object.assign(Object.create(null) as Record<string, (this: HttpResponse) => Value>, {
    status(this: HttpResponse) {
      return this.field('status');
    },
    statusText(this: HttpResponse) {
      return this.field('statusText');
    },
    headers(this: HttpResponse) {
      return this.field('headers');
    },
    body(this: HttpResponse) {
      return this.field('body');
    },
    text(this: HttpResponse) {
      return this.field('body');
    },
    ok(this: HttpResponse) {
      const s = this.field('status');
      return typeof s === 'number' && s >= 200 && s < 300;
    },
    json(this: HttpResponse) {
      const b = this.field('body');
      return jsonParse(typeof b === 'string' ? b : '');
    },
  }),
);

/** The response of an http.* call: status, statusText, headers, body from the host. */
export class HttpResponse extends MLNative {
  readonly typeName = 'HttpResponse';
  readonly methods = HTTP_METHODS;
  constructor(private readonly data: MLObject) {
    super();
  }
  field(name: string): Value {
    return this.data.map.get(name) ?? null;
  }
  override toMLString(): string {
    return `<HttpResponse [${String(this.field('status'))}]>`;
  }
}

/**
 * A module function implemented by the host: arguments copied out, result (or error) copied in;
 * `site` gives the ML call it is for (the host audits its checks there).
 */
export function bridgedFunction(
  host: RuntimeHost,
  module: string,
  name: string,
  returns: string,
  site: () => HostCallSite | undefined,
): MLFunction {
  const label = `${module}.${name}`;
  const f: MLFunction = (...args: Value[]) => {
    if (!host.bridge) return raise('CapabilityError', `${label}() is not available in this environment`);
    const plain = args.filter((a) => a !== undefined).map((a) => toBridge(a, label));
    const result: BridgeResult = host.bridge(module, name, plain, site());
    if (!result.ok) return raise(result.kind, result.message);
    const value = fromBridge(result.value);
    if (returns === 'HttpResponse' && value instanceof MLObject) return new HttpResponse(value);
    return value;
  };
  f.mlName = name;
  return f;
}

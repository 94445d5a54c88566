// Code that runs INSIDE the isolate before any program: wraps the raw isolated-vm callbacks in a
// frozen host facade (plain data only crosses) and later locks the intrinsics down. Each function
// is serialised with Function.prototype.toString, so it must reference nothing outside its body.

/** Host facade the runtime (and `js` harness programs) use; every method is a frozen function. */
export interface HostFacade {
  /**
   * Synchronous bridge call; throws the error the host reports as a frozen {kind, message}.
   * `site` is the ML call site `[file, line, column]` the host audits capability checks at.
   */
  call(op: string, args: unknown[], site?: unknown): unknown;
  /** Bridge call whose host side is asynchronous (http, stdin, debugger); blocks the isolate. */
  callAsync(op: string, args: unknown[], site?: unknown): unknown;
  /** Console output, streamed; `stream` 1 = stdout, 2 = stderr. */
  write(stream: 1 | 2, text: string): void;
  /** Waits until the host has seen every write so far. */
  flush(): void;
}

export interface PreludeConfig {
  /** Global the runtime bundle installed (frozen by the runtime itself; left out of the lockdown). */
  runtimeGlobal: string;
  /** Characters of string data one call may copy out (all arguments together). */
  copyOutChars: number;
  /** Longest text one write copies out (the output limit plus a little: the host truncates). */
  maxWriteChars: number;
  /** Every this many writes (or 64K characters) a write waits for the host: back-pressure. */
  creditWrites: number;
}

type RawSync = (op: string, args: unknown, site?: unknown) => unknown;
type RawWrite = (stream: number, text: string) => void;
interface RawAsyncRef {
  applySyncPromise(receiver: undefined, args: unknown[], options: object): unknown;
}

/**
 * Step 1 (after the runtime bundle has run, before any program): builds the host facade around the
 * raw callbacks, removes code generation and shared memory from the global scope, and records
 * which globals are the JavaScript intrinsics (step 2 freezes them). Returns the facade.
 */
export function isolatePrelude(
  rawSync: RawSync,
  rawAsync: RawAsyncRef,
  rawWrite: RawWrite,
  config: PreludeConfig,
): HostFacade {
  'use strict';
  const g = globalThis as unknown as Record<PropertyKey, unknown>;
  const { freeze, getPrototypeOf, keys, defineProperty, getOwnPropertyDescriptor } = Object;
  const isArray = Array.isArray;
  const ObjectProto = Object.prototype;
  const ArrayProto = Array.prototype;
  const U8 = Uint8Array;
  const U8Proto = U8.prototype;
  const u8Length = Object.getOwnPropertyDescriptor(getPrototypeOf(U8Proto), 'byteLength')!.get!;
  const u8Slice = U8Proto.slice;
  const apply = Reflect.apply;

  // Errors that end the run carry `Kind: text` as their message: the runtime lets those through
  // every ML `try` (grammar/src/runtime/errors.ts hostStop). Others are plain {kind, message}.
  const fail = (kind: string, message: string): never => {
    throw freeze({ kind, message: kind.startsWith('Sandbox') ? `${kind}: ${message}` : message });
  };

  // Copies a value into fresh plain data while measuring it: only null, booleans, numbers,
  // bigints, strings, Uint8Arrays, arrays and plain objects (data properties) cross, at most 32
  // levels deep and `copyOutChars` in total. The copy is what crosses, so nothing can change it.
  const budget = { left: 0 };
  const copy = (v: unknown, depth: number): unknown => {
    if (depth > 32) return fail('ValueError', 'value passed to a host function is nested too deeply');
    switch (typeof v) {
      case 'string':
        budget.left -= v.length;
        if (budget.left < 0) return fail('ValueError', 'value passed to a host function is too large');
        return v;
      case 'number':
      case 'boolean':
      case 'bigint':
        budget.left -= 8;
        return v;
      case 'undefined':
        return null;
      case 'object': {
        if (v === null) return null;
        const proto = getPrototypeOf(v);
        if (proto === U8Proto) {
          budget.left -= apply(u8Length, v, []) as number;
          if (budget.left < 0) return fail('ValueError', 'value passed to a host function is too large');
          return apply(u8Slice, v, []);
        }
        if (isArray(v) && proto === ArrayProto) {
          const n = v.length;
          budget.left -= 8 * n;
          if (budget.left < 0) return fail('ValueError', 'value passed to a host function is too large');
          const out: unknown[] = [];
          for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1);
          return out;
        }
        if (proto === ObjectProto || proto === null) {
          const out: Record<string, unknown> = {};
          for (const k of keys(v)) {
            budget.left -= k.length + 8;
            // Data properties only: a getter would run host-bound code twice with different results.
            const d = getOwnPropertyDescriptor(v, k);
            if (d === undefined || !('value' in d))
              return fail('TypeError', 'only plain data can be passed to a host function');
            defineProperty(out, k, {
              value: copy(d.value, depth + 1),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
          return out;
        }
        return fail('TypeError', 'only plain data can be passed to a host function');
      }
      default:
        return fail('TypeError', `a ${typeof v} cannot be passed to a host function`);
    }
  };
  const copyArgs = (args: unknown[]): unknown => {
    budget.left = config.copyOutChars;
    return copy(args, 0);
  };

  // Host replies are envelopes: {ok: true, value} or {ok: false, kind, message}.
  const unwrap = (reply: unknown): unknown => {
    const r = reply as { ok?: unknown; value?: unknown; kind?: unknown; message?: unknown } | null;
    if (r !== null && typeof r === 'object' && r.ok === true) return r.value;
    if (r !== null && typeof r === 'object' && typeof r.kind === 'string' && typeof r.message === 'string') {
      return fail(r.kind, r.message);
    }
    return fail('RuntimeError', 'the host returned an invalid reply');
  };
  const hostFailure = (): never => fail('RuntimeError', 'host call failed');
  // A call site crosses as [file, line, column] of primitives, or null.
  const siteOf = (site: unknown): unknown => {
    if (!isArray(site) || site.length !== 3) return null;
    const [file, line, column] = site as unknown[];
    if (typeof file !== 'string' || typeof line !== 'number' || typeof column !== 'number') return null;
    return [file.length > 1000 ? file.slice(0, 1000) : file, line, column];
  };

  let writes = 0;
  let pendingChars = 0;
  const flush = (): void => {
    writes = 0;
    pendingChars = 0;
    let reply: unknown;
    try {
      reply = rawSync('console.flush', []);
    } catch {
      hostFailure();
    }
    unwrap(reply);
  };

  const facade: HostFacade = {
    call(op: string, args: unknown[], site?: unknown): unknown {
      if (typeof op !== 'string' || !isArray(args)) return fail('TypeError', 'bad host call');
      const copied = copyArgs(args);
      const where = siteOf(site);
      let reply: unknown;
      try {
        reply = rawSync(op, copied, where);
      } catch {
        hostFailure();
      }
      return unwrap(reply);
    },
    callAsync(op: string, args: unknown[], site?: unknown): unknown {
      if (typeof op !== 'string' || !isArray(args)) return fail('TypeError', 'bad host call');
      const copied = copyArgs(args);
      const where = siteOf(site);
      let reply: unknown;
      try {
        // The host resolves with an ExternalCopy handle, which arrives here as a copied value.
        reply = rawAsync.applySyncPromise(undefined, [op, copied, where], { arguments: { copy: true } });
      } catch {
        hostFailure();
      }
      return unwrap(reply);
    },
    write(stream: 1 | 2, text: string): void {
      if ((stream !== 1 && stream !== 2) || typeof text !== 'string') {
        return fail('TypeError', 'bad output call');
      }
      const chunk = text.length > config.maxWriteChars ? text.slice(0, config.maxWriteChars) : text;
      writes++;
      pendingChars += chunk.length;
      if (writes >= config.creditWrites || pendingChars >= 65536) {
        // Back-pressure: this write waits for the host, so queued writes stay bounded.
        let reply: unknown;
        try {
          reply = rawSync('console.write', [stream, chunk]);
        } catch {
          hostFailure();
        }
        writes = 0;
        pendingChars = 0;
        unwrap(reply);
        return;
      }
      try {
        rawWrite(stream, chunk);
      } catch {
        hostFailure();
      }
    },
    flush,
  };
  for (const k of keys(facade)) freeze((facade as unknown as Record<string, object>)[k]);
  freeze(facade);

  // Code generation from strings: the constructors stay reachable through the prototypes of
  // function values, so the `constructor` properties are replaced by a function that throws.
  const blocked = function (): never {
    throw new TypeError('code generation is disabled in the sandbox');
  };
  const fnProtos = [
    Function.prototype,
    getPrototypeOf(async function () {}),
    getPrototypeOf(function* () {}),
    getPrototypeOf(async function* () {}),
  ] as object[];
  for (const p of fnProtos) {
    defineProperty(p, 'constructor', { value: blocked, writable: false, enumerable: false, configurable: false });
  }
  for (const name of ['eval', 'Function', 'WebAssembly', 'SharedArrayBuffer', 'Atomics']) delete g[name];

  // Remember the intrinsics (everything on the global object but the runtime) for step 2.
  const intrinsicNames = Reflect.ownKeys(g).filter((k) => k !== config.runtimeGlobal);
  defineProperty(g, '__mlsecIntrinsics', { value: freeze(intrinsicNames), configurable: true });
  return facade;
}

/**
 * Step 2 (before any program): deep-freezes every JavaScript intrinsic recorded by step 1 (so no
 * program can pollute `Object.prototype` or set `Error.prepareStackTrace`) and freezes the global
 * object itself. The runtime's own objects are the runtime's to freeze.
 */
export function isolateLockdown(): void {
  'use strict';
  const g = globalThis as unknown as Record<PropertyKey, unknown>;
  const names = g['__mlsecIntrinsics'] as readonly PropertyKey[];
  delete g['__mlsecIntrinsics'];
  const seen = new Set<unknown>();
  const stack: unknown[] = [];
  for (const name of names) {
    const d = Reflect.getOwnPropertyDescriptor(g, name);
    if (d && 'value' in d) stack.push(d.value);
  }
  while (stack.length > 0) {
    const o = stack.pop();
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
    seen.add(o);
    Object.freeze(o);
    stack.push(Object.getPrototypeOf(o));
    for (const k of Reflect.ownKeys(o)) {
      const d = Reflect.getOwnPropertyDescriptor(o, k)!;
      if ('value' in d) stack.push(d.value);
      else stack.push(d.get, d.set);
    }
  }
  Object.freeze(g);
}

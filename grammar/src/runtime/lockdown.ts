// Hardens a fresh JS realm (the isolate's context) before user code runs: removes code-generation
// and shared-memory entry points and freezes the intrinsics transpiled code could ever reach.
// Must only run inside the isolate (or a throwaway test realm): it changes the realm's globals.

function thrower(): never {
  throw new TypeError('code generation is disabled in the ML sandbox');
}

/** Replaces the `constructor` of the prototype of `sample` (e.g. AsyncFunction) with a thrower. */
function neuterConstructor(sample: unknown): void {
  const proto = Object.getPrototypeOf(sample) as object | null;
  if (proto && Object.prototype.hasOwnProperty.call(proto, 'constructor')) {
    Object.defineProperty(proto, 'constructor', { value: thrower, writable: false, configurable: false });
  }
}

/**
 * Deletes eval, Function, WebAssembly, SharedArrayBuffer and Atomics from the global object,
 * points every function prototype's `constructor` at a thrower (so `f.constructor("code")` cannot
 * compile code), and freezes the standard intrinsics and their prototypes.
 */
export function lockdown(global: typeof globalThis): void {
  const g = global as unknown as Record<string, unknown>;
  neuterConstructor(function () {});
  neuterConstructor(async function () {});
  neuterConstructor(function* () {});
  neuterConstructor(async function* () {});
  for (const name of ['eval', 'Function', 'WebAssembly', 'SharedArrayBuffer', 'Atomics']) {
    try {
      delete g[name];
    } catch {
      Object.defineProperty(g, name, { value: undefined, writable: false, configurable: false });
    }
  }
  const intrinsics = [
    'Object',
    'Array',
    'String',
    'Number',
    'Boolean',
    'Symbol',
    'BigInt',
    'Math',
    'JSON',
    'Reflect',
    'Map',
    'Set',
    'WeakMap',
    'WeakSet',
    'Promise',
    'RegExp',
    'Date',
    'Error',
    'TypeError',
    'RangeError',
    'SyntaxError',
    'ReferenceError',
    'EvalError',
    'URIError',
    'ArrayBuffer',
    'DataView',
    'Uint8Array',
    'Int8Array',
    'Uint16Array',
    'Int16Array',
    'Uint32Array',
    'Int32Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
    'Uint8ClampedArray',
    'Proxy',
    'Intl',
  ];
  for (const name of intrinsics) {
    const v = g[name];
    if (v === undefined || v === null) continue;
    const proto = (v as { prototype?: unknown }).prototype;
    if (proto && typeof proto === 'object') Object.freeze(proto);
    Object.freeze(v);
  }
  Object.freeze(Object.getPrototypeOf(function () {}));
  Object.freeze(Object.getPrototypeOf([][Symbol.iterator]()));
  Object.freeze(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  Object.freeze(Object.getPrototypeOf(Uint8Array));
  Object.freeze(Object.getPrototypeOf(Uint8Array.prototype));
}

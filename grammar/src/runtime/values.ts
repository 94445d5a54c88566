// The ML value model as it exists inside the sandbox isolate. Plain JavaScript, no I/O, no host
// objects: this file is bundled into the isolate's runtime. Every other runtime file builds on it.
//
// Representation (the contract every runtime module and the transpiler follow):
//   int      JS number holding a safe integer (|v| <= 2^53-1), or a bigint outside that range.
//            Always normalised: a bigint that fits the safe range is turned back into a number.
//   float    JS number that is not an integer (1.5, NaN, ±Infinity), or an MLFloat box when the
//            float's value is integral (2.0, -0.0, 1e20), so ints and floats stay distinct.
//   string   JS string.        boolean  JS boolean.        null  JS null (never undefined).
//   array    JS Array (the transpiler never exposes Array.prototype methods to ML code).
//   object   MLObject: insertion-ordered string-keyed map with no prototype chain involved.
//   tuple    MLTuple (from zip/enumerate): typeof "unknown", prints like Python: `(0, 'a')`, `(1,)`.
//   function JS function (user, arrow or stdlib); stdlib functions carry an `mlName` property.
//   stdlib objects (Pattern, Match, DateTimeObject, ...): subclasses of MLNative.
//   module   MLModule: a stdlib module (`import math;`) or a user module; members are read-only.

/**
 * A float whose value is integral (2.0, -0.0, 1e20): boxed so it is not mistaken for an int.
 * Immutable by contract (`readonly`); not frozen, because Object.freeze on every arithmetic
 * result costs several times the arithmetic itself, and no ML code can reach the box's fields.
 */
export class MLFloat {
  constructor(readonly value: number) {}
}

/**
 * ML object: a string-keyed, insertion-ordered map. Keys like `__proto__` are ordinary keys here.
 * Keys are strings by the language spec (ML-LANGUAGE.md §3, "mutable string-keyed map"; literal
 * keys are identifiers or strings), unlike the reference's Python dicts: `o[1] = v` stores the key
 * `'1'` (`objectKey` in access.ts gives the Python text of an int, float, boolean or null), so
 * `o[1]` and `o["1"]` are one entry, `keys(o)` gives strings and `print(o)` shows `{'1': v}`.
 */
export class MLObject {
  readonly map: Map<string, Value>;
  constructor(entries?: Iterable<readonly [string, Value]>) {
    this.map = new Map(entries);
  }
}

/**
 * A tuple produced by `zip`/`enumerate` (the spec's "pair"; `zip` of N arrays gives N items).
 * Immutable by contract like MLFloat (not frozen, for speed): nothing may change `items`.
 */
export class MLTuple {
  constructor(readonly items: readonly Value[]) {}
}

/**
 * Base of stdlib objects (Pattern, Match, DateTimeObject, Date, Time, TimeDelta, HttpResponse,
 * Logger, ArgParser, ParsedArgs). `typeName` is what `typeof` returns; `methods` is the whitelist
 * that member access consults (`obj.m(...)` calls `methods[m]` with `this` bound to the object).
 */
export abstract class MLNative {
  abstract readonly typeName: string;
  /**
   * Method whitelist. Member access only finds *own* keys of this table whose names do not start
   * with `_`; a call runs the method with `this` bound to the object and the ML arguments (missing
   * trailing arguments are `undefined`, which means "use the default").
   */
  abstract readonly methods: NativeMethodTable;
  /** Optional `==` between two natives (default: identity). */
  equals?(other: MLNative): boolean;
  /** Optional ordering for `<` etc. between natives of the same typeName: negative, 0 or positive. */
  compareTo?(other: MLNative): number;
  /** Text used by str()/print(); subclasses override. */
  toMLString(): string {
    return `<${this.typeName} object>`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NativeMethod = (this: any, ...args: Value[]) => Value;
export type NativeMethodTable = Readonly<Record<string, NativeMethod>>;

/**
 * A module value: a stdlib module (`import math;`) or a user module (`import lib.stats;`).
 * `members` maps each public name to its value; ML code can read members but never add or change
 * them. `typeof` of a module is `"module"`.
 */
export class MLModule {
  constructor(
    readonly name: string,
    readonly members: ReadonlyMap<string, Value>,
  ) {
    Object.freeze(this);
  }
}

export type MLFunction = ((...args: Value[]) => Value) & { mlName?: string };

export type Value =
  number | bigint | MLFloat | string | boolean | null | Value[] | MLObject | MLTuple | MLNative | MLModule | MLFunction;

/** Python-style error kinds used by the runtime. */
export type ErrorKind =
  | 'ZeroDivisionError'
  | 'IndexError'
  | 'KeyError'
  | 'TypeError'
  | 'ValueError'
  | 'AttributeError'
  | 'NameError'
  | 'RecursionError'
  | 'RuntimeError'
  | 'OverflowError'
  | 'MemoryError'
  | 'EOFError'
  | 'ImportError'
  | 'SyntaxError'
  | 'CapabilityError'
  | 'SecurityError'
  | 'MLUserError'
  | 'SandboxTimeoutError'
  | 'SandboxMemoryError'
  | 'SandboxOutputLimitError';

/**
 * An ML run-time error. Deliberately not a subclass of JS Error (no V8 stack capture, nothing of
 * the host's stack can leak). `payload` is the thrown ML object for `throw {...}`.
 */
export class MLError {
  /** ML call stack (function name + location), filled in by the runtime as the error unwinds. */
  mlStack: { name: string; file: string; line: number; column: number }[] = [];
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
    readonly payload: MLObject | null = null,
  ) {}
}

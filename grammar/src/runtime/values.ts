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
//   pair     MLPair (from zip/enumerate): typeof "unknown", prints `(0, 'a')`.
//   function JS function (user, arrow or stdlib); stdlib functions carry an `mlName` property.
//   stdlib objects (Pattern, Match, DateTimeObject, ...): subclasses of MLNative.

/** A float whose value is integral (2.0, -0.0, 1e20): boxed so it is not mistaken for an int. */
export class MLFloat {
  constructor(readonly value: number) {
    Object.freeze(this);
  }
}

/** ML object: a string-keyed, insertion-ordered map. Keys like `__proto__` are ordinary keys here. */
export class MLObject {
  readonly map: Map<string, Value>;
  constructor(entries?: Iterable<readonly [string, Value]>) {
    this.map = new Map(entries);
  }
}

/** A pair produced by `zip`/`enumerate`. */
export class MLPair {
  constructor(
    readonly first: Value,
    readonly second: Value,
  ) {
    Object.freeze(this);
  }
}

/**
 * Base of stdlib objects (Pattern, Match, DateTimeObject, Date, Time, TimeDelta, HttpResponse,
 * Logger, ArgParser, ParsedArgs). `typeName` is what `typeof` returns; `methods` is the whitelist
 * that member access consults (`obj.m(...)` calls `methods[m]` with `this` bound to the object).
 */
export abstract class MLNative {
  abstract readonly typeName: string;
  /** Text used by str()/print(); subclasses override. */
  toMLString(): string {
    return `<${this.typeName} object>`;
  }
}

export type MLFunction = ((...args: Value[]) => Value) & { mlName?: string };

export type Value =
  | number
  | bigint
  | MLFloat
  | string
  | boolean
  | null
  | Value[]
  | MLObject
  | MLPair
  | MLNative
  | MLFunction;

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

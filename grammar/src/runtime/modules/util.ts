// Helpers shared by the pure stdlib modules: defining module functions, checking and converting
// arguments with Python-style error messages, iterating ML values. No I/O, no module state.
import { MLFloat, MLModule, MLObject, type MLFunction, type Value } from '../values.js';
import { pyTypeName, raise } from '../ops.js';
import { iterate } from '../iterate.js';

export { pyTypeName };

/** Gives a JS function the `mlName` the runtime shows in help, stack traces and `str(f)`. */
export function named<F extends (...args: never[]) => Value>(mlName: string, f: F): F & { mlName: string } {
  Object.defineProperty(f, 'mlName', { value: mlName, enumerable: false, writable: false, configurable: false });
  return f as F & { mlName: string };
}

/** Wraps an implementation with an argument-count check, as Python does for every call. */
export function checked(mlName: string, min: number, max: number, impl: (...args: Value[]) => Value): MLFunction {
  const short = mlName.slice(mlName.lastIndexOf('.') + 1);
  return named(mlName, (...args: Value[]): Value => {
    checkArity(short, min, max, args);
    return impl(...args);
  });
}

/** Raises Python's TypeError when `given` arguments do not fit `min..max`. */
export function checkArity(name: string, min: number, max: number, args: readonly (Value | undefined)[]): void {
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  if (given >= min && given <= max) return;
  if (given < min) {
    const missing = min - given;
    raise('TypeError', `${name}() missing ${missing} required positional argument${missing === 1 ? '' : 's'}`);
  }
  const expected = min === max ? `${max}` : `from ${min} to ${max}`;
  const plural = max === 1 && min === max ? '' : 's';
  const were = given === 1 ? 'was' : 'were';
  raise('TypeError', `${name}() takes ${expected} positional argument${plural} but ${given} ${were} given`);
}

/** Collects a module's members; function names get the `module.` prefix as their `mlName`. */
export class ModuleBuilder {
  private readonly members = new Map<string, Value>();
  constructor(readonly name: string) {}

  /** Adds a function taking between `min` and `max` arguments (`max` = Infinity for *args). */
  fn(member: string, min: number, max: number, impl: (...args: Value[]) => Value): this {
    this.members.set(member, checked(`${this.name}.${member}`, min, max, impl));
    return this;
  }

  /** Adds a constant. */
  value(member: string, v: Value): this {
    this.members.set(member, v);
    return this;
  }

  /** Adds `alias` as another name for the already defined `member` (snake_case twins). */
  alias(alias: string, member: string): this {
    const v = this.members.get(member);
    if (v === undefined) throw new Error(`internal: alias of unknown member ${this.name}.${member}`);
    this.members.set(alias, v);
    return this;
  }

  build(): MLModule {
    return new MLModule(this.name, this.members);
  }
}

/** True for a missing optional argument: not passed, or passed as null (Python's `None` default). */
export function absent(v: Value | undefined): v is null | undefined {
  return v === undefined || v === null;
}

/** An int (number or bigint) or boolean, as Python's `int` subclass `bool` behaves. */
export function isIntLike(v: Value | undefined): v is number | bigint | boolean {
  return typeof v === 'boolean' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

/** Any ML number or boolean. */
export function isNumeric(v: Value | undefined): v is number | bigint | boolean | MLFloat {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof MLFloat;
}

/** True when a value is a float (boxed or not). */
export function isFloatValue(v: Value | undefined): boolean {
  return v instanceof MLFloat || (typeof v === 'number' && !Number.isInteger(v));
}

/** Converts an ML number/boolean to a JS number; anything else is a TypeError naming `what`. */
export function num(v: Value | undefined, what: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof MLFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return raise('TypeError', `${what} must be a real number, not ${pyTypeName(v ?? null)}`);
}

/** Converts an ML int/boolean to a JS number (bigints must fit); floats are a TypeError. */
export function intArg(v: Value | undefined, what: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint') {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) raise('OverflowError', `${what} is too large`);
    return n;
  }
  return raise('TypeError', `'${pyTypeName(v ?? null)}' object cannot be interpreted as an integer`);
}

/** Requires a string argument. */
export function strArg(v: Value | undefined, what: string): string {
  if (typeof v === 'string') return v;
  return raise('TypeError', `${what} must be str, not ${pyTypeName(v ?? null)}`);
}

/** Requires an array argument. */
export function listArg(v: Value | undefined, what: string): Value[] {
  if (Array.isArray(v)) return v;
  return raise('TypeError', `${what} must be a list, not ${pyTypeName(v ?? null)}`);
}

/** Requires an ML object argument. */
export function objArg(v: Value | undefined, what: string): MLObject {
  if (v instanceof MLObject) return v;
  return raise('TypeError', `${what} must be a dict, not ${pyTypeName(v ?? null)}`);
}

/** The elements `for x in v` would produce (list items, characters, dict keys, ...); arrays are not copied. */
export function items(v: Value | undefined): readonly Value[] {
  if (Array.isArray(v)) return v;
  return Array.from(iterate(v ?? null));
}

/** Python's slice bounds: `seq[start:end]` on a sequence of `length` (null = omitted). */
export function sliceBounds(length: number, start: number | null, end: number | null): [number, number] {
  const norm = (i: number) => (i < 0 ? Math.max(0, i + length) : Math.min(i, length));
  const s = start === null ? 0 : norm(start);
  const e = end === null ? length : norm(end);
  return [s, Math.max(s, e)];
}

/** Builds an ML object from entries. */
export function obj(entries: Iterable<readonly [string, Value]>): MLObject {
  return new MLObject(entries);
}

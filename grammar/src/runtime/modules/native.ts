// Builds the method tables of stdlib classes (Match, Pattern, DateTimeObject, ...): frozen,
// null-prototype records whose functions check their receiver and argument count.
import type { MLNative, NativeMethodTable, Value } from '../values.js';
import { raise } from '../ops.js';
import { checkArity, named } from './util.js';

/** One method: argument bounds and an implementation receiving the object as `self`. */
export interface MethodDef<T> {
  readonly min: number;
  readonly max: number;
  readonly impl: (self: T, ...args: Value[]) => Value;
}

/** Shorthand for a method definition. */
export function method<T>(min: number, max: number, impl: (self: T, ...args: Value[]) => Value): MethodDef<T> {
  return { min, max, impl };
}

/**
 * Creates the method table for a class. Each method refuses a receiver of another class (a method
 * taken out of its object and called on something else) with a TypeError.
 */
export function methodTable<T extends MLNative>(
  typeName: string,
  isInstance: (v: unknown) => v is T,
  defs: Readonly<Record<string, MethodDef<T>>>,
): NativeMethodTable {
  const table: Record<string, (this: unknown, ...args: Value[]) => Value> = Object.create(null);
  for (const [name, def] of Object.entries(defs)) {
    const label = `${typeName}.${name}`;
    table[name] = named(label, function (this: unknown, ...args: Value[]): Value {
      if (!isInstance(this)) raise('TypeError', `${label}() requires a ${typeName} object`);
      checkArity(name, def.min, def.max, args);
      return def.impl(this, ...args);
    });
  }
  return Object.freeze(table);
}

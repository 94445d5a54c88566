// Iteration over ML values (for-in, builtins taking iterables): arrays by element, strings by
// code point, objects by key (a snapshot), pairs by item, iterator objects by what remains. Pure.
import { MLNative, MLObject, MLPair, type NativeMethodTable, type Value } from './values.js';
import { raise } from './errors.js';
import { pyTypeName } from './text.js';

/** The iterator object made by `iter(x)`; `next(it)` advances it. */
export class MLIterator extends MLNative {
  readonly typeName = 'unknown';
  readonly methods: NativeMethodTable = Object.freeze(Object.create(null) as NativeMethodTable);
  private index = 0;
  constructor(private readonly items: readonly Value[]) {
    super();
  }
  /** The next item, or undefined when exhausted. */
  next(): Value | undefined {
    return this.index < this.items.length ? this.items[this.index++] : undefined;
  }
  remaining(): Value[] {
    const rest = this.items.slice(this.index);
    this.index = this.items.length;
    return rest;
  }
  override toMLString(): string {
    return '<iterator object>';
  }
}

/** Iterates an ML value the way `for (x in v)` does; TypeError for non-iterables. */
export function iterate(v: Value): Iterable<Value> {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v;
  if (v instanceof MLObject) return Array.from(v.map.keys());
  if (v instanceof MLPair) return [v.first, v.second];
  if (v instanceof MLIterator) return v.remaining();
  return raise('TypeError', `'${pyTypeName(v)}' object is not iterable`);
}

/** The items of an iterable as a fresh array. */
export function toArray(v: Value): Value[] {
  if (Array.isArray(v)) return v.slice();
  return Array.from(iterate(v));
}

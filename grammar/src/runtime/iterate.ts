// Iteration over ML values (for-in, builtins taking iterables): arrays by element, strings by
// code point, objects by key (a snapshot), pairs by item, iterator objects by what remains. Pure.
import { MLNative, MLObject, MLTuple, type NativeMethodTable, type Value } from './values.js';
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
  if (v instanceof MLTuple) return v.items;
  if (v instanceof MLIterator) return v.remaining();
  return raise('TypeError', `'${pyTypeName(v)}' object is not iterable`);
}

/** Code points a for-in loop takes from a string at a time (bounded memory for huge strings). */
const STRING_CHUNK = 4096;
const NO_ITEMS: readonly Value[] = Object.freeze([]);
/** The rest of a string being iterated, keyed by the chunk handed out last. */
const stringRest = new WeakMap<readonly Value[], { s: string; at: number }>();

function stringChunk(s: string, at: number): readonly Value[] {
  const out: string[] = [];
  let i = at;
  while (i < s.length && out.length < STRING_CHUNK) {
    const c = s.codePointAt(i)!;
    const n = c > 0xffff ? 2 : 1;
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) stringRest.set(out, { s, at: i });
  return out;
}

/**
 * The first items of `for (x in v)` as an array the loop indexes (an array iterates itself, live,
 * as for-of would); `iterMore` gives the next batch, empty at the end. Only strings come in more
 * than one batch. TypeError for non-iterables, like `iterate`.
 */
export function iterStart(v: Value): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return stringChunk(v, 0);
  return iterate(v) as Value[];
}

/** The batch after `items` (see iterStart); empty when the iteration is over. */
export function iterMore(items: readonly Value[]): readonly Value[] {
  const rest = stringRest.get(items);
  if (rest === undefined) return NO_ITEMS;
  stringRest.delete(items);
  return stringChunk(rest.s, rest.at);
}

/** The items of an iterable as a fresh array. */
export function toArray(v: Value): Value[] {
  if (Array.isArray(v)) return v.slice();
  return Array.from(iterate(v));
}

// The array method whitelist (append extend insert remove pop index count sort reverse clear copy)
// and the pair methods (count index), with Python list/tuple semantics and messages. Pure.
import { MLTuple, type Value } from './values.js';
import { raise } from './errors.js';
import { arity, argInt, optInt } from './args.js';
import { clampBounds } from './codepoints.js';
import { compareOp, equals, truthy } from './compare.js';
import { toRepr } from './text.js';
import { iterate } from './iterate.js';

type ArrayMethod = (a: Value[], args: Value[]) => Value;

function normIndex(i: number, len: number): number {
  return i < 0 ? i + len : i;
}

function indexOf(items: readonly Value[], args: Value[], fn: string): number {
  arity(fn, args, 1, 3);
  const [a, b] = clampBounds(items.length, optInt(args[1], fn, null), optInt(args[2], fn, null));
  for (let i = a; i < b; i++) if (equals(items[i]!, args[0]!)) return i;
  if (fn === 'index') return raise('ValueError', `${toRepr(args[0]!)} is not in list`);
  return raise('ValueError', 'tuple.index(x): x not in tuple');
}

function countOf(items: readonly Value[], args: Value[]): number {
  arity('count', args, 1, 1);
  let n = 0;
  for (const v of items) if (equals(v, args[0]!)) n++;
  return n;
}

/** Sorts in place with Python's stable sort; `reverse` keeps equal elements in original order. */
export function sortValues(items: Value[], reverse: boolean): void {
  items.sort(reverse ? (x, y) => compareOp(y, x, '<') || 0 : (x, y) => compareOp(x, y, '<') || 0);
}

export const ARRAY_METHODS: Readonly<Record<string, ArrayMethod>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, ArrayMethod>, {
    append(a: Value[], args: Value[]) {
      arity('append', args, 1, 1);
      a.push(args[0]!);
      return null;
    },
    extend(a: Value[], args: Value[]) {
      arity('extend', args, 1, 1);
      const items = [...iterate(args[0]!)];
      for (const v of items) a.push(v);
      return null;
    },
    insert(a: Value[], args: Value[]) {
      arity('insert', args, 2, 2);
      let i = normIndex(argInt(args[0], 'insert'), a.length);
      i = Math.max(0, Math.min(i, a.length));
      a.splice(i, 0, args[1]!);
      return null;
    },
    remove(a: Value[], args: Value[]) {
      arity('remove', args, 1, 1);
      for (let i = 0; i < a.length; i++) {
        if (equals(a[i]!, args[0]!)) {
          a.splice(i, 1);
          return null;
        }
      }
      return raise('ValueError', 'list.remove(x): x not in list');
    },
    pop(a: Value[], args: Value[]) {
      arity('pop', args, 0, 1);
      if (a.length === 0) return raise('IndexError', 'pop from empty list');
      const i = normIndex(optInt(args[0], 'pop', -1)!, a.length);
      if (i < 0 || i >= a.length) return raise('IndexError', 'pop index out of range');
      return a.splice(i, 1)[0]!;
    },
    index: (a: Value[], args: Value[]) => indexOf(a, args, 'index'),
    count: countOf,
    sort(a: Value[], args: Value[]) {
      arity('sort', args, 0, 1);
      sortValues(a, args[0] !== undefined && truthy(args[0]));
      return null;
    },
    reverse(a: Value[], args: Value[]) {
      arity('reverse', args, 0, 0);
      a.reverse();
      return null;
    },
    clear(a: Value[], args: Value[]) {
      arity('clear', args, 0, 0);
      a.length = 0;
      return null;
    },
    copy(a: Value[], args: Value[]) {
      arity('copy', args, 0, 0);
      return a.slice();
    },
  }),
);

type TupleMethod = (t: MLTuple, args: Value[]) => Value;

export const TUPLE_METHODS: Readonly<Record<string, TupleMethod>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, TupleMethod>, {
    count: (t: MLTuple, args: Value[]) => countOf(t.items, args),
    index: (t: MLTuple, args: Value[]) => indexOf(t.items, args, 'tuple.index'),
  }),
);

// Pure builtins over collections: range enumerate zip sorted reversed keys values all any sum min
// max iter next call. No host access.
import { MLObject, MLTuple, type Value } from './values.js';
import { raise } from './errors.js';
import { arity, argInt } from './args.js';
import { compareOp, truthy } from './compare.js';
import { add, MAX_SEQUENCE } from './arith.js';
import { MLIterator, iterate, toArray } from './iterate.js';
import { sortValues } from './array-methods.js';
import { callValue } from './call.js';
import { pyTypeName } from './text.js';
import type { Builtin } from './builtins-values.js';

/** Largest array range() may build (`for (i in range(n))` never builds one, whatever n). */
const MAX_RANGE = MAX_SEQUENCE;

/** range() arguments normalised to start/stop/step JS numbers (shared with the for-loop fast path). */
export function rangeBounds(args: Value[]): [number, number, number] {
  arity('range', args, 1, 3);
  const a = args.map((v) => argInt(v, 'range'));
  const [start, stop, step] = a.length === 1 ? [0, a[0]!, 1] : [a[0]!, a[1]!, a[2] ?? 1];
  if (step === 0) raise('ValueError', 'range() arg 3 must not be zero');
  return [start, stop, step];
}

function range_(...args: Value[]): Value {
  const [start, stop, step] = rangeBounds(args);
  const count = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
  if (count > MAX_RANGE) raise('MemoryError', `range() of ${count} elements is too large`);
  const out: Value[] = [];
  for (let i = 0, v = start; i < count; i++, v += step) out.push(v);
  return out;
}

function objectArg(v: Value | undefined, fn: string): MLObject {
  if (v instanceof MLObject) return v;
  return raise(
    'TypeError',
    `${fn}() argument must be an object, not '${v === undefined ? 'NoneType' : pyTypeName(v)}'`,
  );
}

function extreme(fn: string, args: Value[], sign: number): Value {
  if (args.length === 0) raise('TypeError', `${fn} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? toArray(args[0]!) : args;
  if (items.length === 0) return null;
  let best = items[0]!;
  const op = sign < 0 ? '<' : '>';
  for (let i = 1; i < items.length; i++) {
    const c = compareOp(items[i]!, best, op);
    if (sign < 0 ? c < 0 : c > 0) best = items[i]!;
  }
  return best;
}

function sum_(...args: Value[]): Value {
  arity('sum', args, 1, 2);
  let acc: Value = args[1] ?? 0;
  if (typeof acc === 'string') raise('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
  for (const v of iterate(args[0]!)) {
    // Python's sum() adds with numeric/list `+`; ML's string conversion in `+` does not apply.
    if (typeof v === 'string') raise('TypeError', `unsupported operand type(s) for +: '${pyTypeName(acc)}' and 'str'`);
    acc = add(acc, v);
  }
  return acc;
}

/** Python's zip: one tuple per position, as many items as sequences, stopping at the shortest. */
export function zipTuples(seqs: readonly (readonly Value[])[]): Value[] {
  if (seqs.length === 0) return [];
  let n = Infinity;
  for (const s of seqs) n = Math.min(n, s.length);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(new MLTuple(seqs.map((s) => s[i]!)));
  return out;
}

function zip_(...args: Value[]): Value {
  return zipTuples(args.map(toArray));
}

function next_(...args: Value[]): Value {
  arity('next', args, 1, 2);
  const it = args[0]!;
  if (!(it instanceof MLIterator)) return raise('TypeError', `'${pyTypeName(it)}' object is not an iterator`);
  const v = it.next();
  if (v !== undefined) return v;
  if (args.length >= 2 && args[1] !== undefined) return args[1];
  return raise('RuntimeError', 'Iterator exhausted - use default parameter to avoid error');
}

/** The builtins over collections. */
export const SEQUENCE_BUILTINS: Readonly<Record<string, Builtin>> = {
  range: range_,
  enumerate: (...a) => {
    arity('enumerate', a, 1, 2);
    let i = a[1] === undefined ? 0 : argInt(a[1], 'enumerate');
    return toArray(a[0]!).map((v) => new MLTuple([i++, v]));
  },
  zip: zip_,
  sorted: (...a) => {
    arity('sorted', a, 1, 2);
    const items = toArray(a[0]!);
    sortValues(items, a[1] !== undefined && truthy(a[1]));
    return items;
  },
  reversed: (...a) => (arity('reversed', a, 1, 1), toArray(a[0]!).reverse()),
  keys: (...a) => (arity('keys', a, 1, 1), Array.from(objectArg(a[0], 'keys').map.keys())),
  values: (...a) => (arity('values', a, 1, 1), Array.from(objectArg(a[0], 'values').map.values())),
  all: (...a) => {
    arity('all', a, 1, 1);
    for (const v of iterate(a[0]!)) if (!truthy(v)) return false;
    return true;
  },
  any: (...a) => {
    arity('any', a, 1, 1);
    for (const v of iterate(a[0]!)) if (truthy(v)) return true;
    return false;
  },
  sum: sum_,
  min: (...a) => extreme('min', a, -1),
  max: (...a) => extreme('max', a, 1),
  iter: (...a) => {
    arity('iter', a, 1, 1);
    const v = a[0]!;
    return v instanceof MLIterator ? v : new MLIterator(toArray(v));
  },
  next: next_,
  call: (...a) => {
    if (a.length === 0) raise('TypeError', 'call() missing 1 required positional argument: func');
    return callValue(a[0]!, a.slice(1));
  },
};

// The `functional` module: function-first helpers (map(fn, list), ...) and combinators (compose,
// pipe, curry, partial, memoize, ...). The functions it returns are plain ML-callable functions.
import { MLObject, type MLFunction, type Value } from '../values.js';
import { callValue, raise, toRepr, truthy } from '../ops.js';
import { SEQUENCE_BUILTINS, zipTuples } from '../builtins-sequences.js';
import { objectKey } from '../access.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, intArg, items, listArg, named, sliceBounds } from './util.js';
import { chunkValues, flattenOnce, uniqueValues } from './sequences.js';

const range = SEQUENCE_BUILTINS.range!;

/** Number of parameters an ML function declares (transpiled functions keep JS `length`). */
function arityOf(f: Value | undefined): number {
  if (typeof f !== 'function') return raise('TypeError', `'${typeof f}' object is not callable`);
  return f.length;
}

function composeAll(fns: readonly Value[], label: string): MLFunction {
  for (const f of fns) if (typeof f !== 'function') raise('TypeError', `${label}() arguments must be functions`);
  if (fns.length === 0) return named(label, (x: Value) => x);
  return named(label, (...args: Value[]) => {
    let v = callValue(fns[fns.length - 1]!, args);
    for (let i = fns.length - 2; i >= 0; i--) v = callValue(fns[i]!, [v]);
    return v;
  });
}

function curry(f: Value, arity: number): MLFunction {
  const step = (got: readonly Value[]): MLFunction =>
    named('curried', (...more: Value[]) => {
      const all = [...got, ...more];
      return all.length >= arity ? callValue(f, all) : step(all);
    });
  return step([]);
}

export function createFunctionalModule(_ctx: ModuleContext): MLModule {
  const call1 = (f: Value | undefined, x: Value) => callValue(f!, [x]);
  return new ModuleBuilder('functional')
    .fn('compose', 0, Infinity, (...fns) => composeAll(fns, 'composed'))
    .fn('composeAll', 1, 1, (fns) => composeAll(listArg(fns, 'functions'), 'composed'))
    .fn('pipe', 0, Infinity, (...fns) => composeAll([...fns].reverse(), 'piped'))
    .fn('pipeAll', 1, 1, (fns) => composeAll([...listArg(fns, 'functions')].reverse(), 'piped'))
    .fn('curry', 1, 2, (f, n) => curry(f!, absent(n) ? arityOf(f) : intArg(n, 'arity')))
    .fn('curry2', 1, 1, (f) => named('curried', (a: Value) => named('curried', (b: Value) => callValue(f!, [a, b]))))
    .fn('partial', 1, Infinity, (f, ...bound) =>
      named('partial', (...more: Value[]) => callValue(f!, [...bound, ...more])),
    )
    .fn('identity', 1, 1, (x) => x!)
    .fn('constant', 1, 1, (v) => named('constant', () => v!))
    .fn('memoize', 1, 1, (f) => {
      const cache = new Map<string, Value>();
      return named('memoized', (...args: Value[]) => {
        const key = toRepr(args);
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
        const r = callValue(f!, args);
        cache.set(key, r);
        return r;
      });
    })
    .fn('map', 2, 2, (f, it) => items(it).map((x) => call1(f, x)))
    .fn('filter', 2, 2, (p, it) => items(it).filter((x) => truthy(call1(p, x))))
    .fn('reduce', 2, 3, (f, it, init) => {
      const xs = items(it);
      if (absent(init)) {
        if (xs.length === 0) raise('TypeError', 'reduce() of empty iterable with no initial value');
        return xs.slice(1).reduce<Value>((acc, x) => callValue(f!, [acc, x]), xs[0]!);
      }
      return xs.reduce<Value>((acc, x) => callValue(f!, [acc, x]), init);
    })
    .fn('forEach', 2, 2, (f, it) => {
      for (const x of items(it)) call1(f, x);
      return null;
    })
    .fn('find', 2, 2, (p, it) => items(it).find((x) => truthy(call1(p, x))) ?? null)
    .fn('some', 2, 2, (p, it) => items(it).some((x) => truthy(call1(p, x))))
    .fn('every', 2, 2, (p, it) => items(it).every((x) => truthy(call1(p, x))))
    .fn('zip', 0, Infinity, (...its) => zipTuples(its.map((it) => items(it))))
    .fn('range', 1, 3, (start, end, step) => range(...(absent(end) ? [start!] : [start!, end, step ?? 1])))
    .fn('repeat', 2, 2, (v, n) => Array.from({ length: Math.max(0, intArg(n, 'times')) }, () => v!))
    .fn('take', 2, 2, (n, it) => {
      const xs = items(it);
      return xs.slice(...sliceBounds(xs.length, null, intArg(n, 'n')));
    })
    .fn('drop', 2, 2, (n, it) => {
      const xs = items(it);
      return xs.slice(...sliceBounds(xs.length, intArg(n, 'n'), null));
    })
    .fn('flatten', 1, 1, (l) => flattenOnce(items(l)))
    .fn('chunk', 2, 2, (size, it) => chunkValues(items(it), intArg(size, 'size')))
    .fn('groupBy', 2, 2, (f, it) => {
      const groups = new MLObject();
      for (const x of items(it)) {
        const key = call1(f, x);
        const k = objectKey(key);
        const bucket = groups.map.get(k);
        if (Array.isArray(bucket)) bucket.push(x);
        else groups.map.set(k, [x]);
      }
      return groups;
    })
    .fn('unique', 1, 1, (it) => uniqueValues(items(it)))
    .fn('reverse', 1, 1, (it) => [...items(it)].reverse())
    .fn('partition', 2, 2, (p, it) => {
      const yes: Value[] = [];
      const no: Value[] = [];
      for (const x of items(it)) (truthy(call1(p, x)) ? yes : no).push(x);
      return [yes, no];
    })
    .fn('ifElse', 3, 3, (p, t, e) =>
      named('ifElse', (...args: Value[]) => callValue(truthy(callValue(p!, args)) ? t! : e!, args)),
    )
    .fn('cond', 1, 1, (conds) => {
      const pairs = listArg(conds, 'conditions').map((c) => items(c));
      return named('cond', (...args: Value[]) => {
        for (const [p, f] of pairs) if (truthy(callValue(p ?? null, args))) return callValue(f ?? null, args);
        return null;
      });
    })
    .fn('times', 2, 2, (n, f) => Array.from({ length: Math.max(0, intArg(n, 'n')) }, (_, i) => call1(f, i)))
    .fn('zipWith', 3, 3, (f, a, b) => {
      const xs = items(a);
      const ys = items(b);
      const n = Math.min(xs.length, ys.length);
      return Array.from({ length: n }, (_, i) => callValue(f!, [xs[i]!, ys[i]!]));
    })
    .fn('takeWhile', 2, 2, (p, it) => {
      const out: Value[] = [];
      for (const x of items(it)) {
        if (!truthy(call1(p, x))) break;
        out.push(x);
      }
      return out;
    })
    .fn('juxt', 1, 1, (fns) => {
      const list = listArg(fns, 'functions');
      return named('juxt', (...args: Value[]) => list.map((f) => callValue(f, args)));
    })
    .alias('partial_apply', 'partial')
    .alias('for_each', 'forEach')
    .alias('group_by', 'groupBy')
    .build();
}

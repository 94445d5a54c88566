// The `collections` module: list-first helpers that always return new lists (the input is never
// changed); `get` out of range gives null. Callbacks are ML functions called through callValue.
import { MLObject, MLTuple, type Value } from '../values.js';
import { callValue, equals, raise, truthy } from '../ops.js';
import { cpLength } from '../codepoints.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, intArg, listArg, pyTypeName, sliceBounds } from './util.js';
import { chunkValues, flattenOnce, sortValues, uniqueValues } from './sequences.js';

const list = (v: Value | undefined) => listArg(v, 'lst');

/** Index `i` of a list of `n` items with Python's negative indexing, or -1 when out of range. */
function position(n: number, i: number): number {
  const k = i < 0 ? i + n : i;
  return k >= 0 && k < n ? k : -1;
}

function lengthOf(v: Value | undefined): number {
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'string') return cpLength(v);
  if (v instanceof MLObject) return v.map.size;
  return raise('TypeError', `object of type '${pyTypeName(v ?? null)}' has no len()`);
}

export function createCollectionsModule(_ctx: ModuleContext): MLModule {
  return new ModuleBuilder('collections')
    .fn('length', 1, 1, (l) => lengthOf(l))
    .fn('append', 2, 2, (l, x) => [...list(l), x!])
    .fn('prepend', 2, 2, (l, x) => [x!, ...list(l)])
    .fn('concat', 2, 2, (a, b) => [...listArg(a, 'lst1'), ...listArg(b, 'lst2')])
    .fn('get', 2, 2, (l, i) => {
      const xs = list(l);
      const k = position(xs.length, intArg(i, 'index'));
      return k < 0 ? null : xs[k]!;
    })
    .fn('first', 1, 1, (l) => list(l)[0] ?? null)
    .fn('last', 1, 1, (l) => list(l).at(-1) ?? null)
    .fn('slice', 2, 3, (l, s, e) => {
      const xs = list(l);
      const [a, b] = sliceBounds(xs.length, absent(s) ? null : intArg(s, 'start'), absent(e) ? null : intArg(e, 'end'));
      return xs.slice(a, b);
    })
    .fn('reverse', 1, 1, (l) => [...list(l)].reverse())
    .fn('contains', 2, 2, (l, x) => list(l).some((y) => equals(y, x!)))
    .fn('indexOf', 2, 2, (l, x) => list(l).findIndex((y) => equals(y, x!)))
    .fn('filter', 2, 2, (l, p) => list(l).filter((x) => truthy(callValue(p!, [x]))))
    .fn('map', 2, 2, (l, f) => list(l).map((x) => callValue(f!, [x])))
    .fn('find', 2, 2, (l, p) => list(l).find((x) => truthy(callValue(p!, [x]))) ?? null)
    .fn('reduce', 3, 3, (l, f, init) => list(l).reduce<Value>((acc, x) => callValue(f!, [acc, x]), init!))
    .fn('removeAt', 2, 2, (l, i) => {
      const xs = list(l);
      const k = position(xs.length, intArg(i, 'index'));
      return k < 0 ? [...xs] : [...xs.slice(0, k), ...xs.slice(k + 1)];
    })
    .fn('isEmpty', 1, 1, (l) => list(l).length === 0)
    .fn('take', 2, 2, (l, n) => {
      const xs = list(l);
      return xs.slice(...sliceBounds(xs.length, null, intArg(n, 'count')));
    })
    .fn('drop', 2, 2, (l, n) => {
      const xs = list(l);
      return xs.slice(...sliceBounds(xs.length, intArg(n, 'count'), null));
    })
    .fn('unique', 1, 1, (l) => uniqueValues(list(l)))
    .fn('flatten', 1, 1, (l) => flattenOnce(list(l)))
    .fn('zip', 2, 2, (a, b) => {
      const xs = listArg(a, 'lst1');
      const ys = listArg(b, 'lst2');
      const n = Math.min(xs.length, ys.length);
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(new MLTuple([xs[i]!, ys[i]!]));
      return out;
    })
    .fn('sort', 1, 2, (l, rev) => sortValues(list(l), null, truthy(rev ?? false)))
    .fn('sortBy', 2, 3, (l, key, rev) => sortValues(list(l), key!, truthy(rev ?? false)))
    .fn('chunk', 2, 2, (l, size) => chunkValues(list(l), intArg(size, 'size')))
    .fn('every', 2, 2, (l, p) => list(l).every((x) => truthy(callValue(p!, [x]))))
    .fn('some', 2, 2, (l, p) => list(l).some((x) => truthy(callValue(p!, [x]))))
    .alias('index_of', 'indexOf')
    .alias('remove_at', 'removeAt')
    .alias('is_empty', 'isEmpty')
    .build();
}

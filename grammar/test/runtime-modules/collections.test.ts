// collections module (list-first, new lists) and functional module (function-first, combinators):
// tables of call → expected repr, including the reference behaviour conformance 39/40 rely on.
import { describe, expect, it } from 'vitest';
import { MLFloat, MLObject, type Value } from '../../src/runtime/values.js';
import { add, compare, mul, toRepr } from '../../src/runtime/ops.js';
import { createCollectionsModule } from '../../src/runtime/modules/collections.js';
import { createFunctionalModule } from '../../src/runtime/modules/functional.js';
import { call, outcome, testContext } from './context.js';

const C = createCollectionsModule(testContext());
const F = createFunctionalModule(testContext());
const xs = [5, 3, 8, 1, 9, 2];
const o = (entries: Record<string, Value>) => new MLObject(Object.entries(entries));
const people = [o({ name: 'Cy', age: 40 }), o({ name: 'Al', age: 25 }), o({ name: 'Bo', age: 31 })];
const get = (k: string) => (p: Value) => (p as MLObject).map.get(k) ?? null;
const odd = (x: Value) => (x as number) % 2 === 1;
const gt = (n: number) => (x: Value) => (x as number) > n;

const collections: [string, Value[], string][] = [
  ['length', [xs], '6'],
  ['length', ['héllo'], '5'],
  ['length', [o({ a: 1 })], '1'],
  ['length', [5], "TypeError: object of type 'int' has no len()"],
  ['isEmpty', [[]], 'True'],
  ['append', [xs, 7], '[5, 3, 8, 1, 9, 2, 7]'],
  ['prepend', [xs, 0], '[0, 5, 3, 8, 1, 9, 2]'],
  ['concat', [[1, 2], [3]], '[1, 2, 3]'],
  ['get', [xs, 2], '8'],
  ['get', [xs, 99], 'None'],
  ['get', [xs, -1], '2'],
  ['get', [xs, -7], 'None'],
  ['first', [[]], 'None'],
  ['last', [xs], '2'],
  ['slice', [xs, 1, 4], '[3, 8, 1]'],
  ['slice', [xs, 3], '[1, 9, 2]'],
  ['slice', [xs, -2, null], '[9, 2]'],
  ['slice', [xs, 4, 1], '[]'],
  ['reverse', [xs], '[2, 9, 1, 8, 3, 5]'],
  ['contains', [xs, 8], 'True'],
  ['contains', [[1, 2], new MLFloat(2)], 'True'],
  ['indexOf', [xs, 4], '-1'],
  ['index_of', [xs, 8], '2'],
  ['filter', [xs, odd], '[5, 3, 1, 9]'],
  ['map', [xs, (x: Value) => mul(x, 10)], '[50, 30, 80, 10, 90, 20]'],
  ['find', [xs, gt(5)], '8'],
  ['find', [xs, gt(50)], 'None'],
  ['reduce', [xs, (a: Value, b: Value) => add(a, b), 0], '28'],
  ['reduce', [[], (a: Value, b: Value) => add(a, b), 'init'], "'init'"],
  ['removeAt', [xs, 0], '[3, 8, 1, 9, 2]'],
  ['removeAt', [xs, 10], '[5, 3, 8, 1, 9, 2]'],
  ['remove_at', [xs, -1], '[5, 3, 8, 1, 9]'],
  ['take', [xs, 3], '[5, 3, 8]'],
  ['drop', [xs, 4], '[9, 2]'],
  ['take', [xs, -1], '[5, 3, 8, 1, 9]'],
  ['unique', [[1, 2, 1, 3, 2, 4]], '[1, 2, 3, 4]'],
  ['unique', [[1, new MLFloat(1), true, 'a', [1], [1], null, null]], "[1, 'a', [1], None]"],
  ['flatten', [[[1, 2], [3], 4, [[5]]]], '[1, 2, 3, 4, [5]]'],
  ['sort', [xs], '[1, 2, 3, 5, 8, 9]'],
  ['sort', [xs, true], '[9, 8, 5, 3, 2, 1]'],
  ['sort', [[3, 'a']], "TypeError: '<' not supported between instances of 'str' and 'int'"],
  ['sortBy', [people, get('age')], "[{'name': 'Al', 'age': 25}, {'name': 'Bo', 'age': 31}, {'name': 'Cy', 'age': 40}]"],
  [
    'sortBy',
    [
      [
        ['b', 1],
        ['a', 1],
        ['c', 0],
      ],
      (p: Value) => (p as Value[])[1]!,
      true,
    ],
    "[['b', 1], ['a', 1], ['c', 0]]",
  ],
  ['chunk', [[0, 1, 2, 3, 4, 5, 6], 3], '[[0, 1, 2], [3, 4, 5], [6]]'],
  ['chunk', [[], 2], '[]'],
  ['chunk', [[1], 0], 'ValueError: chunk size must be a positive integer'],
  ['every', [xs, gt(0)], 'True'],
  ['some', [xs, gt(9)], 'False'],
  [
    'zip',
    [
      ['a', 'b'],
      [1, 2, 3],
    ],
    "[('a', 1), ('b', 2)]",
  ],
  ['map', [5, odd], 'TypeError: lst must be a list, not int'],
];

const inc = (x: Value) => add(x, 1);
const dbl = (x: Value) => mul(x, 2);
const add3 = (a: Value, b: Value, c: Value) => add(add(a, b), c);
type Fn = (...a: Value[]) => Value;
const fn = (name: string, ...args: Value[]) => call(F, name, ...args) as Fn;
const then = (v: Value, ...args: Value[]) => (v as Fn)(...args);

const functional: [string, () => Value, string][] = [
  ['map', () => fn('map', dbl, [1, 2, 3]), '[2, 4, 6]'],
  ['map over a string', () => fn('map', (c: Value) => add(c, '!'), 'ab'), "['a!', 'b!']"],
  ['filter', () => fn('filter', gt(1), [1, 2, 3]), '[2, 3]'],
  ['reduce', () => fn('reduce', (a: Value, b: Value) => add(a, b), [1, 2, 3, 4]), '10'],
  ['reduce with initial', () => fn('reduce', (a: Value, b: Value) => add(a, b), [1, 2, 3], 100), '106'],
  [
    'reduce empty',
    () => fn('reduce', (a: Value) => a, []),
    'TypeError: reduce() of empty iterable with no initial value',
  ],
  ['find', () => fn('find', (x: Value) => (x as number) % 5 === 0, [3, 10, 15]), '10'],
  ['some/every', () => [fn('some', gt(0), [1, -1]), fn('every', gt(0), [1, -1])], '[True, False]'],
  ['pipe', () => fn('pipe', inc, dbl)(5), '12'],
  ['compose', () => fn('compose', inc, dbl)(5), '11'],
  ['compose passes all arguments to the last', () => fn('compose', inc, (a: Value, b: Value) => mul(a, b))(3, 4), '13'],
  ['compose of nothing is identity', () => fn('compose')(7), '7'],
  ['pipeAll', () => fn('pipeAll', [inc, inc, dbl, inc])(0), '5'],
  ['composeAll', () => fn('composeAll', [inc, dbl])(1), '3'],
  ['curry', () => then(then(fn('curry', add3)(1), 2), 3), '6'],
  ['curry takes several at once', () => then(fn('curry', add3)(1, 2), 3), '6'],
  ['curry with arity', () => then(fn('curry', (...a: Value[]) => a, 2)('a'), 'b'), "['a', 'b']"],
  ['partial', () => fn('partial', add3, 10, 20)(12), '42'],
  ['partial_apply', () => fn('partial_apply', add3, 1)(2, 3), '6'],
  ['curry2', () => then(fn('curry2', (a: Value, b: Value) => add(a, mul(b, -1)))(10), 3), '7'],
  ['identity', () => fn('identity', 'same'), "'same'"],
  ['constant', () => fn('constant', 7)(), '7'],
  [
    'range',
    () => [fn('range', 5), fn('range', 1, 10, 3), fn('range', 5, 0, -2)],
    '[[0, 1, 2, 3, 4], [1, 4, 7], [5, 3, 1]]',
  ],
  ['range step 0', () => fn('range', 1, 5, 0), 'ValueError: range() arg 3 must not be zero'],
  ['repeat', () => fn('repeat', 'z', 3), "['z', 'z', 'z']"],
  ['take/drop', () => [fn('take', 2, [1, 2, 3]), fn('drop', 2, [1, 2, 3])], '[[1, 2], [3]]'],
  ['takeWhile', () => fn('takeWhile', (x: Value) => (x as number) < 4, [1, 3, 5, 2]), '[1, 3]'],
  ['flatten', () => fn('flatten', [[1, 2], [3], 4]), '[1, 2, 3, 4]'],
  ['chunk', () => fn('chunk', 2, [1, 2, 3, 4, 5]), '[[1, 2], [3, 4], [5]]'],
  ['unique', () => fn('unique', [2, 1, 2, 3, 1]), '[2, 1, 3]'],
  ['reverse', () => fn('reverse', [1, 2, 3]), '[3, 2, 1]'],
  ['partition', () => fn('partition', (x: Value) => (x as number) % 2 === 0, [1, 2, 3, 4, 5]), '[[2, 4], [1, 3, 5]]'],
  [
    'groupBy',
    () => fn('groupBy', (w: Value) => (w as string)[0]!, ['apple', 'avocado', 'banana']),
    "{'a': ['apple', 'avocado'], 'b': ['banana']}",
  ],
  [
    'group_by non-string keys',
    () => fn('group_by', (x: Value) => (x as number) % 2 === 0, [1, 2, 3]),
    "{'False': [1, 3], 'True': [2]}",
  ],
  ['times', () => fn('times', 5, (i: Value) => mul(i, i)), '[0, 1, 4, 9, 16]'],
  ['zipWith', () => fn('zipWith', (a: Value, b: Value) => mul(a, b), [1, 2, 3], [4, 5, 6]), '[4, 10, 18]'],
  ['zip of two', () => fn('zip', [1, 2], ['a', 'b']), "[(1, 'a'), (2, 'b')]"],
  ['zip of three', () => fn('zip', [1, 2], ['a', 'b'], [true]), "[(1, 'a', True)]"],
  [
    'ifElse',
    () => {
      const sign = fn(
        'ifElse',
        (x: Value) => compare(x, 0) >= 0,
        () => 'non-negative',
        () => 'negative',
      );
      return [sign(3), sign(-3)];
    },
    "['non-negative', 'negative']",
  ],
  [
    'cond',
    () => {
      const size = fn('cond', [
        [gt(-1e9 - 1) as Value, () => 'x'],
        [() => true, () => 'large'],
      ]);
      const size2 = fn('cond', [
        [(x: Value) => (x as number) < 10, () => 'small'],
        [(x: Value) => (x as number) < 100, () => 'medium'],
      ]);
      return [size(1), size2(5), size2(50), size2(500)];
    },
    "['x', 'small', 'medium', None]",
  ],
  [
    'juxt',
    () => fn('juxt', [(l: Value) => (l as Value[]).length, (l: Value) => (l as Value[])[0]!])([4, 8, 2]),
    '[3, 4]',
  ],
  [
    'memoize calls once per argument list',
    () => {
      let calls = 0;
      const sq = fn('memoize', (n: Value) => (calls++, mul(n, n)));
      return [sq(9), sq(9), sq(3), calls];
    },
    '[81, 81, 9, 2]',
  ],
  [
    'forEach',
    () => {
      const seen: Value[] = [];
      const r = fn('forEach', (x: Value) => (seen.push(mul(x, 3)), null), [1, 2, 3]);
      return [r, seen];
    },
    '[None, [3, 6, 9]]',
  ],
  ['map over a non-iterable', () => fn('map', dbl, 5), "TypeError: 'int' object is not iterable"],
  ['calling a non-function', () => fn('map', 5, [1]), "TypeError: 'int' object is not callable"],
];

describe('collections module', () => {
  it.each(collections.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('%s', (_label, name, args, expected) => {
    expect(outcome(() => call(C, name, ...args))).toBe(expected);
  });

  it('never changes its input', () => {
    const input = [3, 1, 2];
    for (const name of ['append', 'prepend', 'removeAt', 'take']) call(C, name, input, 0);
    for (const name of ['reverse', 'sort', 'unique', 'flatten']) call(C, name, input);
    expect(toRepr(input)).toBe('[3, 1, 2]');
  });
});

describe('functional module', () => {
  it.each(functional)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });
});

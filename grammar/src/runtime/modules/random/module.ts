// The `random` module: one seeded Mersenne Twister per run (first seed drawn from ctx.random), with
// Python's random-module algorithms behind the reference's names. Never reads ambient randomness.
import type { Value } from '../../values.js';
import { makeFloat, makeInt, raise } from '../../ops.js';
import type { MLModule, ModuleContext } from '../types.js';
import { ModuleBuilder, absent, isIntLike, listArg, num, pyTypeName } from '../util.js';
import { MersenneTwister } from './mersenne.js';

function seedArg(v: Value | undefined): bigint {
  if (isIntLike(v)) return typeof v === 'bigint' ? v : BigInt(Number(v));
  return raise(
    'TypeError',
    `The only supported seed types are: None, int, float, str, bytes, and bytearray (int expected, got ${pyTypeName(v ?? null)})`,
  );
}

function intValue(v: Value | undefined, what: string): bigint {
  if (isIntLike(v)) return typeof v === 'bigint' ? v : BigInt(Number(v));
  const f = num(v, what);
  if (!Number.isInteger(f)) raise('ValueError', `non-integer arg 1 for randrange()`);
  return BigInt(f);
}

export function createRandomModule(ctx: ModuleContext): MLModule {
  let seed = BigInt(Math.floor(ctx.random() * 2 ** 32));
  const mt = new MersenneTwister(seed);
  const float = (v: Value | undefined, dflt: number, what: string) => (absent(v) ? dflt : num(v, what));

  const randint = (lo: Value | undefined, hi: Value | undefined): Value => {
    const a = absent(lo) ? 0n : intValue(lo, 'min_val');
    const b = absent(hi) ? 100n : intValue(hi, 'max_val');
    const width = b + 1n - a;
    if (width <= 0n) raise('ValueError', `empty range for randrange() (${a}, ${b + 1n}, ${width})`);
    return makeInt(a + mt.randbelow(width));
  };
  const uniform = (a: number, b: number) => makeFloat(a + (b - a) * mt.random());

  const b = new ModuleBuilder('random')
    .fn('setSeed', 1, 1, (s) => {
      seed = seedArg(s);
      mt.seed(seed);
      return null;
    })
    .fn('getSeed', 0, 0, () => makeInt(seed))
    .fn('nextInt', 0, 0, () => mt.next32())
    .fn('random', 0, 0, () => makeFloat(mt.random()))
    .fn('randomFloat', 0, 2, (lo, hi) => uniform(float(lo, 0, 'min_val'), float(hi, 1, 'max_val')))
    .fn('randomInt', 0, 2, (lo, hi) => randint(lo, hi))
    .fn('randomBool', 0, 0, () => mt.random() < 0.5)
    .fn('randomBoolWeighted', 1, 1, (p) => {
      const prob = num(p, 'probability');
      if (!(prob >= 0 && prob <= 1)) raise('ValueError', 'probability must be between 0 and 1');
      return mt.random() < prob;
    })
    .fn('choice', 1, 1, (l) => {
      const xs = listArg(l, 'lst');
      if (xs.length === 0) raise('IndexError', 'Cannot choose from an empty sequence');
      return xs[mt.below(xs.length)]!;
    })
    .fn('shuffle', 1, 1, (l) => mt.shuffled(listArg(l, 'lst')))
    .fn('sample', 2, 2, (l, n) => {
      const xs = listArg(l, 'lst');
      return mt.sample(xs.length, (i) => xs[i]!, Number(intValue(n, 'n')));
    })
    .fn('randomNormal', 0, 2, (m, s) => makeFloat(mt.normalvariate(float(m, 0, 'mean'), float(s, 1, 'stddev'))))
    .fn('uniform', 2, 2, (lo, hi) => uniform(num(lo, 'min_val'), num(hi, 'max_val')))
    .fn('gaussian', 0, 2, (m, s) => makeFloat(mt.gauss(float(m, 0, 'mean'), float(s, 1, 'stddev'))))
    .fn('triangular', 2, 3, (lo, hi, mode) =>
      makeFloat(mt.triangular(num(lo, 'low'), num(hi, 'high'), absent(mode) ? null : num(mode, 'mode'))),
    )
    .fn('randomIndices', 2, 2, (len, count) => {
      const n = Number(intValue(len, 'length'));
      if (n < 0) raise('ValueError', 'length must be non-negative');
      return mt.sample(n, (i) => i, Number(intValue(count, 'count')));
    });
  for (const [alias, name] of [
    ['set_seed', 'setSeed'],
    ['get_seed', 'getSeed'],
    ['next_int', 'nextInt'],
    ['random_float', 'randomFloat'],
    ['random_int', 'randomInt'],
    ['random_bool', 'randomBool'],
    ['random_normal', 'randomNormal'],
    ['random_indices', 'randomIndices'],
  ] as const) {
    b.alias(alias, name);
  }
  return b.build();
}
